import { msg } from '@lit/localize/init/install.js';
import { str } from '@lit/localize/internal/str-tag.js';
import type { AgentStatus, SupportTopic } from '../../adapter/support-types.js';

export function chatText(): string {
  return msg('Online chat', { id: 'support.launcher', desc: 'The button in the corner of the page that opens the support chat, and the chat panel’s title (GLOSSARY: Online chat).' });
}

export function supportText(): string {
  return msg('Support', { id: 'support.link', desc: 'A link in the page footer that opens the support chat (GLOSSARY: Support).' });
}

export function unreadText(n: number): string {
  return msg(str`${n} new`, { id: 'support.unread', desc: 'Hidden text of the unread badge on the chat button, read after "Online chat"; the placeholder is a number ("Online chat, 2 new").' });
}

export function closeText(): string {
  return msg('Close chat', { id: 'support.close', desc: 'The close (×) button of the chat panel.' });
}

export function agentLine(): string {
  return msg('Virtual agent, always available', { id: 'support.agentLine', desc: 'Under the chat panel’s title: the automatic assistant answers day and night (GLOSSARY: Virtual agent (always available)).' });
}

export function topicsHeading(): string {
  return msg('What can we help with?', { id: 'support.topics.heading', desc: 'Heading over the topic buttons that start a support conversation.' });
}

export function topicText(topic: SupportTopic): string {
  switch (topic) {
    case 'registration':
      return msg('Registration', { id: 'support.topic.registration', desc: 'Topic button of the support chat: problems creating a profile.' });
    case 'captcha':
      return msg('The code from the picture', { id: 'support.topic.captcha', desc: 'Topic button of the support chat: the captcha code (GLOSSARY: Code from the picture).' });
    case 'activation':
      return msg('The activation letter', { id: 'support.topic.activation', desc: 'Topic button of the support chat: the letter with the activation link did not come or does not work.' });
    case 'sign_in':
      return msg('Sign-in and password', { id: 'support.topic.signIn', desc: 'Topic button of the support chat: cannot sign in, forgot the password.' });
    case 'social':
      return msg('Sign-in with a social network', { id: 'support.topic.social', desc: 'Topic button of the support chat: signing in through VK, Google or Facebook.' });
    case 'orders':
      return msg('Orders', { id: 'support.topic.orders', desc: 'Topic button of the support chat: questions about orders and deliveries.' });
    default:
      return msg('Something else', { id: 'support.topic.other', desc: 'Topic button of the support chat: any other question.' });
  }
}

export function emailHeading(): string {
  return msg('Your e-mail address', { id: 'support.email.heading', desc: 'Heading of the chat step that asks the e-mail address of a person who is not signed in.' });
}

export function emailLabel(): string {
  return msg('E-mail', { id: 'support.email.label', desc: 'Label of the e-mail field in the support chat (GLOSSARY: E-mail).' });
}

export function emailHint(): string {
  return msg('The address you registered with, or want to register. We answer there if the chat is interrupted.', {
    id: 'support.email.hint',
    desc: 'Hint under the e-mail label in the support chat.',
  });
}

export function continueText(): string {
  return msg('Start the chat', { id: 'support.email.continue', desc: 'Button that starts the support conversation after the e-mail address was typed.' });
}

export function startingText(): string {
  return msg('Starting the chat…', { id: 'support.starting', desc: 'The start button while the support conversation is being started.' });
}

export function backText(): string {
  return msg('Back', { id: 'support.back', desc: 'Button that returns to the previous step of the support chat.' });
}

export function backToChatText(): string {
  return msg('Back to the chat', { id: 'support.backToChat', desc: 'Button that returns from the password recovery form (shown inside the chat panel) to the conversation.' });
}

export function newQuestionText(): string {
  return msg('New question', { id: 'support.newQuestion', desc: 'Button in the chat panel that leaves the current conversation and shows the topics again.' });
}

export function humanText(): string {
  return msg('Talk to a person', { id: 'support.human', desc: 'Button that hands the chat over from the virtual agent to a human support operator.' });
}

export function leaveQuestionText(): string {
  return msg('Leave a question', { id: 'support.leaveQuestion', desc: 'Button shown instead of "Talk to a person" while no operator works: opens the form for a reply by letter.' });
}

export function statusText(status: AgentStatus, waitMinutes?: number): string {
  switch (status) {
    case 'online':
      return waitMinutes
        ? msg(str`Operators are online, about ${waitMinutes} min wait`, {
            id: 'support.status.onlineWait',
            desc: 'Status of the human operators; the placeholder is the expected wait in minutes (write the unit abbreviated: ru «мин», bg «мин.»).',
          })
        : msg('Operators are online', { id: 'support.status.online', desc: 'Status of the human support operators: someone can answer now.' });
    case 'away':
      return msg('Operators are busy, the answer may take a while', { id: 'support.status.away', desc: 'Status of the human support operators: on duty but away or near the end of the shift.' });
    default:
      return msg('Operators are offline: leave a question and we answer by letter', {
        id: 'support.status.offline',
        desc: 'Status of the human support operators outside their working hours; the virtual agent still answers.',
      });
  }
}

export function offlineHeading(): string {
  return msg('Leave a question', { id: 'support.offline.heading', desc: 'Heading of the form that leaves a question for a reply by letter while no operator works.' });
}

export function offlineIntro(): string {
  return msg('No operator is working right now. Write your question and we will answer by letter, usually within a working day.', {
    id: 'support.offline.intro',
    desc: 'Text over the offline question form.',
  });
}

export function questionLabel(): string {
  return msg('Your question', { id: 'support.offline.question', desc: 'Label of the text field of the offline question form.' });
}

export function questionRequiredText(): string {
  return msg('Write your question', { id: 'support.offline.questionRequired', desc: 'Error under the empty question field of the offline form.' });
}

export function sendQuestionText(): string {
  return msg('Send the question', { id: 'support.offline.send', desc: 'Submit button of the offline question form.' });
}

export function sendingQuestionText(): string {
  return msg('Sending…', { id: 'support.offline.sending', desc: 'Submit button of the offline question form while it is being sent.' });
}

export function offlineDoneHeading(): string {
  return msg('Your question is with us', { id: 'support.offline.doneHeading', desc: 'Heading after the offline question was sent.' });
}

export function offlineDoneText(email: string, ticket: string): string {
  return msg(str`We will answer by letter to ${email}. Your request number is ${ticket}.`, {
    id: 'support.offline.done',
    desc: 'After the offline question was sent; the first placeholder is the masked e-mail address (i***@example.com), the second a request number like S-104233.',
  });
}

export function offlineDoneSignedInText(ticket: string): string {
  return msg(str`We will answer by letter to the address of your profile. Your request number is ${ticket}.`, {
    id: 'support.offline.doneSignedIn',
    desc: 'After a signed-in person sent the offline question; the placeholder is a request number like S-104233.',
  });
}

export function startFailedText(): string {
  return msg('Could not start the chat. Try again in a moment.', { id: 'support.startFailed', desc: 'Shown when the support conversation could not be started because of a server problem.' });
}

export function offlineFailedText(): string {
  return msg('Could not send the question. Try again in a moment; what you wrote is kept.', {
    id: 'support.offline.failed',
    desc: 'Shown when the offline question could not be sent because of a server problem.',
  });
}

export function resentText(email: string): string {
  return msg(str`We sent the activation letter again to ${email}. Only the link in the newest letter works.`, {
    id: 'support.action.resent',
    desc: 'Notice in the chat panel after its "Send the letter again" button worked; the placeholder is the masked e-mail address.',
  });
}

export function resendFailedText(): string {
  return msg('Could not send the letter. Try again in a moment.', { id: 'support.action.resendFailed', desc: 'Notice in the chat panel when sending the activation letter again failed.' });
}

export function humanFailedText(): string {
  return msg('Could not call an operator. Try again in a moment.', {
    id: 'support.humanFailed',
    desc: 'Notice in the chat panel when "Talk to a person" failed because of a server problem; the same button asks again.',
  });
}

export function captchaRefreshedText(): string {
  return msg('There is a new code in the form. Type it as you see it: letter case matters.', {
    id: 'support.action.captchaRefreshed',
    desc: 'Notice in the chat panel after its "Get a new code" button refreshed the code from the picture in the page’s form.',
  });
}

export function noCaptchaText(): string {
  return msg('There is no code from a picture on this page. Open the registration form and press “Refresh code” under the picture.', {
    id: 'support.action.noCaptcha',
    desc: 'Notice in the chat panel when "Get a new code" was pressed on a page without a captcha. "Refresh code" is the button of the captcha (GLOSSARY).',
  });
}

export function needEmailText(): string {
  return msg('Which address should get the letter? Type it here and press “Send the letter”.', {
    id: 'support.action.needEmail',
    desc: 'Notice in the chat panel when the activation letter should be resent but the address is unknown; an e-mail field and the "Send the letter" button follow (use the quotation marks of your language).',
  });
}

export function sendLetterText(): string {
  return msg('Send the letter', { id: 'support.action.sendLetter', desc: 'Button next to the e-mail field in the chat panel that sends the activation letter again to the typed address.' });
}

export function handOffText(): string {
  return msg('We asked an operator to join. You can keep writing meanwhile.', { id: 'support.handOff', desc: 'Notice in the chat panel after "Talk to a person" was pressed while operators work.' });
}
