import { msg } from '@lit/localize/init/install.js';
import { str } from '@lit/localize/internal/str-tag.js';
import { charactersText } from '../../locales/units.js';
import type { MessageAuthor } from '../../adapter/support-types.js';

/** Who wrote a message, as the view labels it (an operator or a store by name when the server gives one). */
export function authorText(from: MessageAuthor | 'system', name?: string): string {
  switch (from) {
    case 'person':
      return msg('You', { id: 'conversation.from.person', desc: 'Label of the person’s own messages in a chat.' });
    case 'agent':
      return msg('Virtual agent', { id: 'conversation.from.agent', desc: 'Label of the messages of the support chat’s automatic assistant (GLOSSARY: Virtual agent).' });
    case 'operator':
      return name
        ? msg(str`${name}, support`, { id: 'conversation.from.operatorNamed', desc: 'Label of a message of a human support operator; the placeholder is their first name.' })
        : msg('Support operator', { id: 'conversation.from.operator', desc: 'Label of a message of a human support operator whose name is unknown.' });
    case 'store':
      return name ?? msg('Store', { id: 'conversation.from.store', desc: 'Label of a message of a seller’s store whose name is unknown.' });
    default:
      return msg('Notice', { id: 'conversation.from.system', desc: 'Label of an automatic notice in a chat (an operator joined, the chat was closed).' });
  }
}

export function typingText(from: MessageAuthor, name?: string): string {
  const author = authorText(from, name);
  return msg(str`${author} is typing…`, {
    id: 'conversation.typing',
    desc: 'Shown under the last message while the other side writes; the placeholder is "Virtual agent" or an operator’s label.',
  });
}

export function todayText(): string {
  return msg('Today', { id: 'conversation.day.today', desc: 'Heading over the messages of today in a chat.' });
}

export function yesterdayText(): string {
  return msg('Yesterday', { id: 'conversation.day.yesterday', desc: 'Heading over the messages of yesterday in a chat.' });
}

export function logLabel(): string {
  return msg('Messages', { id: 'conversation.log', desc: 'Accessible name of the list of messages of a chat.' });
}

export function composerLabel(): string {
  return msg('Your message', { id: 'conversation.composer.label', desc: 'Label of the text box where the person writes a chat message.' });
}

export function composerHint(): string {
  return msg('Enter sends, Shift+Enter starts a new line', {
    id: 'conversation.composer.hint',
    desc: 'Hint of the chat’s text box: the keys. Keep the key names Enter and Shift+Enter.',
  });
}

export function sendText(): string {
  return msg('Send', { id: 'conversation.send', desc: 'Button that sends the chat message.' });
}

export function sendingText(): string {
  return msg('Sending…', { id: 'conversation.sending', desc: 'Under the person’s own chat message while it is being sent.' });
}

export function notSentText(): string {
  return msg('Not sent', { id: 'conversation.failed', desc: 'Under the person’s own chat message that could not be sent; a "Try again" button follows.' });
}

export function retrySendText(): string {
  return msg('Send again', { id: 'conversation.retry', desc: 'Button under a chat message that could not be sent: sends it again.' });
}

export function passwordRefusedText(): string {
  return msg('This message contains the password typed in the form on this page. Never send a password in a chat: support will never ask for it. Remove it and send again.', {
    id: 'conversation.passwordRefused',
    desc: 'Warning when the person tried to send a chat message containing a password typed in a form of the page; the message is not sent and stays in the text box.',
  });
}

export function quickRepliesLabel(): string {
  return msg('Suggested replies', { id: 'conversation.quickReplies', desc: 'Accessible name of the group of quick reply buttons under a message of the agent.' });
}

export function loadFailedText(): string {
  return msg('Could not load the messages.', { id: 'conversation.loadFailed', desc: 'Shown instead of the chat when its messages could not be loaded; a "Try again" button follows.' });
}

export function retryText(): string {
  return msg('Try again', { id: 'conversation.retryLoad', desc: 'Button that loads the chat’s messages again after a failure.' });
}

export function emptyText(): string {
  return msg('No messages yet.', { id: 'conversation.empty', desc: 'Shown in a chat that has no messages yet.' });
}

export function newMessageText(author: string, text: string): string {
  return msg(str`${author}: ${text}`, {
    id: 'conversation.announce',
    desc: 'What a screen reader hears when a new message arrives: the author’s label, then the text.',
  });
}

export function tooLongText(max: number): string {
  const limit = charactersText(max);
  return msg(str`A message can be at most ${limit} long. Shorten it or send it in parts.`, {
    id: 'conversation.tooLong',
    desc: 'Shown when the chat message is too long; the placeholder is a counted number of characters ("2000 characters").',
  });
}

export function queuedText(): string {
  return msg('Waiting for a support operator. You can keep writing: they will see the whole conversation.', {
    id: 'conversation.status.queued',
    desc: 'Line above the chat’s text box after the person asked for a human operator and before one joined.',
  });
}

export function closedText(): string {
  return msg('This conversation is closed. A new message opens it again.', {
    id: 'conversation.status.closed',
    desc: 'Line above the chat’s text box when support closed the conversation.',
  });
}

export function reconnectingText(): string {
  return msg('Connection lost. Reconnecting…', {
    id: 'conversation.status.reconnecting',
    desc: 'Line above the chat’s text box while the live connection to the chat server is being restored.',
  });
}
