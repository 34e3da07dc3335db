/** The virtual agent in English. */
import { DAY, HOUR, type AgentLanguage } from './language.js';

const HUMAN = { kind: 'request_human', label: 'Talk to a person' } as const;
const RESEND = { kind: 'resend_activation', label: 'Send the letter again' } as const;
const RECOVER = { kind: 'open_password_recovery', label: 'Restore the password' } as const;
const minutes = (n: number): string => `${n}\u00a0${n === 1 ? 'minute' : 'minutes'}`;

export const en: AgentLanguage = {
  greeting: (firstName) =>
    `Hello${firstName ? `, ${firstName}` : ''}! I'm the marketplace's virtual assistant, and I answer day and night. ` +
    'I can help with registration, signing in and orders, and if I can\'t, I\'ll pass you to a person from our support team.',
  replies: {
    registration: {
      text: "Let's sort out the registration. What exactly goes wrong?",
      quickReplies: [
        ['captcha', 'The code from the picture is not accepted'],
        ['letter_missing', 'The letter has not arrived'],
        ['latin_names', 'My name is not accepted'],
        ['email_taken', 'It says the address is already registered'],
      ],
    },
    captcha: {
      text:
        'The code from the picture is case-sensitive: type capital and small letters exactly as they are drawn, without spaces.\n' +
        '1. Check that the keyboard is set to English (Latin letters) and Caps Lock is off.\n' +
        '2. If a character is hard to read, press "Refresh code" under the picture and you get a new one.\n' +
        'There is no limit on attempts, and a wrong code never blocks your profile.',
      quickReplies: [
        ['captcha_still', 'It still does not work'],
        ['thanks', 'That helped, thanks'],
      ],
      actions: [{ kind: 'refresh_captcha', label: 'Get a new code' }],
    },
    captcha_still: {
      text:
        "Sorry it still doesn't work. A few more things to check:\n" +
        '• each code works once: after a wrong try, type the code from the new picture;\n' +
        '• if the page was open for a long time, the code has expired: refresh it;\n' +
        '• browser extensions that block images or scripts can get in the way: try a private window.\n' +
        "If that doesn't help either, I'll pass you to a person.",
      actions: [{ kind: 'refresh_captcha', label: 'Get a new code' }, HUMAN],
    },
    latin_names: {
      text:
        'Type your first and last name in Latin letters, as in your international passport: "Ivanova", not "Иванова". ' +
        'Couriers find the recipient of a parcel by them.\n' +
        'If you start typing in Cyrillic, the form suggests the Latin spelling: press "Use …" to take it. ' +
        'A hyphen and an apostrophe are fine, digits are not.',
      quickReplies: [['latin_no_passport', "I don't have an international passport"]],
    },
    latin_no_passport: {
      text:
        "That's fine: use the spelling the form suggests, it follows the transliteration rules of passports. " +
        'You can change the name in your profile later.',
    },
    letter_missing: {
      text:
        'The activation letter usually arrives within 5\u00a0minutes.\n' +
        '1. Look in the Spam, Junk and Promotions folders, and search the mailbox for the word "activate".\n' +
        '2. Check the address for a typo. If it is wrong, register again with the right one.\n' +
        '3. Press "Send again": the link in the new letter replaces the old one.\n' +
        'So that the next letters are not lost, add our address to your contacts.',
      quickReplies: [
        ['wrong_address', 'The address had a typo'],
        ['letter_still', 'Still no letter'],
      ],
      actions: [RESEND],
    },
    letter_still: {
      text:
        'If there is no letter after 15\u00a0minutes, your mail service may be holding it back: it happens with company mailboxes. ' +
        'Try sending it again or register with another address. A person from support can check our sending log: shall I call one?',
      actions: [RESEND, HUMAN],
    },
    wrong_address: {
      text:
        'If the address has a typo, the letter went elsewhere. Press "Wrong address?" on the page that says the letter was sent, ' +
        'or simply register again with the right address. The profile with the wrong address stays inactive.',
    },
    resend: {
      text:
        'I can send the activation letter again: press the button below. If it is greyed out, wait for the countdown to end: ' +
        'a new letter can be asked for once a minute.',
      actions: [RESEND],
    },
    link_expired: {
      text:
        'An activation link works for 24\u00a0hours, and only the link in the latest letter works. ' +
        'Ask for a new letter and open the link in it.',
      actions: [RESEND],
    },
    email_taken: {
      text:
        'This address already has a profile, perhaps from an earlier try. Sign in with it, and if you do not remember the password, ' +
        'restore it: the letter comes to the same address. If the profile is not activated yet, signing in offers to send the letter again.',
      actions: [{ kind: 'open_sign_in', label: 'Sign in' }, RECOVER],
    },
    social: {
      text:
        'To sign in with a social network, the network has to share your e-mail address with us.\n' +
        '• In the network\'s privacy settings, let apps see your e-mail, or confirm the address there.\n' +
        '• If your profile there is hidden, or you refused access on its page, we cannot create your profile.\n' +
        '• We never post anything on your behalf and get only your name, e-mail and photo.\n' +
        'You can always register with your e-mail instead.',
      quickReplies: [['registration', 'Register with e-mail']],
      actions: [HUMAN],
    },
    password: {
      text:
        'To set a new password, open password recovery and type your e-mail: we will send you a link, valid for 30\u00a0minutes. ' +
        'Passwords are case-sensitive: check Caps Lock and the keyboard language. I never ask for your password, so do not send it in the chat.',
      actions: [RECOVER],
    },
    sign_in: {
      text: 'What happens when you sign in?',
      quickReplies: [
        ['password', "I don't remember my password"],
        ['not_activated', 'It says the profile is not activated'],
        ['locked', 'Too many attempts'],
      ],
    },
    not_activated: {
      text: 'A profile becomes active when you open the link in our letter. If you cannot find the letter, we will send it again.',
      quickReplies: [['letter_missing', 'The letter has not arrived']],
      actions: [RESEND],
    },
    locked: {
      text:
        'After several wrong passwords, signing in pauses for a short while, and then we ask for the code from the picture. ' +
        'Wait a few minutes and try again, or restore the password.',
      actions: [RECOVER],
    },
    orders: {
      text:
        'Your orders, with their status and tracking number, are in "My orders". A question about a particular order is best ' +
        'asked to its store: open the order and write to the seller. Payments, returns and disputes are there too.',
      actions: [{ kind: 'open_orders', label: 'Open my orders' }],
    },
    human: {
      text: 'I can pass the conversation to a person from our support team: press the button below.',
      actions: [HUMAN],
    },
    thanks: { text: "You're welcome! If anything else comes up, write here: I'm here day and night." },
    hello: {
      text: 'Hello! How can I help? Choose a topic or describe the problem in a few words.',
      quickReplies: [
        ['registration', 'Registration'],
        ['password', 'Signing in and password'],
        ['orders', 'Orders'],
      ],
    },
  },
  ordersSignedOut: {
    text: 'To see your orders, sign in to your profile first.',
    actions: [{ kind: 'open_sign_in', label: 'Sign in' }],
  },
  askWhat: {
    text: "Tell me in a few words what happened, and I'll do my best to help.",
    quickReplies: [
      ['registration', 'Registration'],
      ['password', 'Signing in and password'],
      ['orders', 'Orders'],
    ],
  },
  fallback: {
    text: "Sorry, I didn't quite understand. Try putting it another way, or choose a topic below. If you like, I'll pass you to a person.",
    quickReplies: [
      ['registration', 'Registration'],
      ['password', 'Signing in and password'],
      ['orders', 'Orders'],
    ],
    actions: [HUMAN],
  },
  fallbackAgain: {
    text: "I can't answer that yet, and I don't want you to wait in vain. A person from our support team will help better: shall I call one?",
    actions: [HUMAN],
  },
  recognisers: {
    registration: { patterns: [/\bregist/, /\bsign(ing)? ?up\b/, /\bcreat\w* (an? |my )?(account|profile)/] },
    captcha: {
      patterns: [
        [/\bcaptcha/, 2],
        [/\bcode\b.*\b(picture|image)|\b(picture|image)\b.*\bcode\b/, 2],
        [/\b(wrong|incorrect|invalid|bad) code\b/, 2],
        /\bcode\b.*\b(not accepted|doesn'?t work|does not work|isn'?t accepted|rejected|wrong)/,
        /\bcan'?t (read|make out)\b/,
        /\brefresh\b/,
        /\b(capital|upper ?case|lower ?case|case[- ]sensitive|small letters)\b/,
      ],
    },
    captcha_still: {
      patterns: [/\b(still|again|same|keeps?)\b/, /\b(doesn'?t|does not|not) (work|help|accept)/],
      after: ['captcha', 'captcha_still'],
    },
    latin_names: {
      patterns: [
        [/\blatin\b/, 2],
        [/\bcyrillic\b/, 2],
        /\bpassport\b/,
        /\b(first|last|sur) ?name\b|\bmy name\b|\bname\b.*\b(not accepted|invalid|wrong|rejected)/,
        /\btransliterat/,
      ],
    },
    latin_no_passport: {
      patterns: [[/\b(no|don'?t have|haven'?t got|without) (an? )?(international |foreign |travel )?passport/, 3]],
      after: ['latin_names'],
    },
    letter_missing: {
      patterns: [
        /\b(letter|e-?mail|mail|message)\b/,
        [/\b(didn'?t|did not|doesn'?t|does not|hasn'?t|has not|haven'?t|have not|never|not)\b.{0,20}\b(come|arrive|arrived|get|got|receive|received|reach|see)\b/, 2],
        [/\bno (letter|e-?mail|mail)\b/, 2],
        [/\bspam\b|\bjunk\b|\binbox\b/, 2],
        /\bactivat/,
      ],
    },
    letter_still: {
      patterns: [[/\bstill (no|nothing|not)\b/, 2], /\b(nothing|no letter)\b/],
      after: ['letter_missing', 'resend', 'letter_still'],
    },
    wrong_address: {
      patterns: [[/\b(typo|mistyped|misspel\w*|wrong (e-?mail|address))\b/, 3]],
    },
    resend: {
      patterns: [[/\bresend\b|\bsend\b.*\b(again|another|new)\b/, 3]],
    },
    link_expired: {
      patterns: [
        [/\blink\b.*\b(expired|doesn'?t work|does not work|not working|invalid|broken|old)\b/, 3],
        [/\bexpired\b/, 2],
      ],
    },
    email_taken: {
      patterns: [[/\balready (registered|in use|taken|exists|used)\b/, 3], [/\b(e-?mail|address) (is )?(taken|in use)\b/, 3]],
    },
    social: {
      patterns: [
        [/\b(facebook|google|vk|vkontakte|odnoklassniki|social)\b/, 3],
        /\bprivacy\b/,
      ],
    },
    password: {
      patterns: [[/\bpassword\b/, 2], /\bforg[eo]t\b/, /\breset\b/, /\b(restore|recover)/],
    },
    sign_in: {
      patterns: [[/\b(sign|log) ?in\b/, 2], /\bcan'?t (sign|log|get) in\b/],
    },
    not_activated: {
      patterns: [[/\bnot (yet )?activ/, 3], /\binactive\b/],
    },
    locked: {
      patterns: [[/\b(locked|blocked|too many (attempts|tries))\b/, 3]],
    },
    orders: {
      patterns: [
        [/\border(s|ed)?\b/, 2],
        /\b(deliver\w*|parcel|package|shipping|shipped|tracking|refund|return|dispute|seller|store)\b/,
      ],
    },
    human: {
      patterns: [
        [/\b(talk|speak|chat|connect|write)\b.*\b(human|person|operator|someone|somebody|real|manager|staff)\b/, 3],
        [/\b(human|operator|live (agent|person|chat)|real person)\b/, 2],
      ],
    },
    thanks: { patterns: [/\b(thank|thanks|thx|cheers)\b/] },
    hello: { patterns: [/^(hi|hello|hey|good (morning|afternoon|evening))\b/] },
  },
  context: {
    captchaFailed: (times) => `I can see the code from the picture was not accepted ${times}\u00a0times.`,
    serverFailed:
      'I can see our server failed while you were registering. That is our fault, sorry. ' +
      'Please try again in a few minutes; if it happens again, I will call a person.',
    networkFailed: 'I can see the connection to the internet dropped. Check it and try again.',
    letterNotArrived: 'I can see the letter has not arrived even after sending it again.',
    sentTo: (masked) => `We sent the letter to ${masked}. Is that your address?`,
  },
  topicTitles: {
    registration: 'Registration',
    captcha: 'Code from the picture',
    activation: 'Activation letter',
    sign_in: 'Signing in and password',
    social: 'Social sign-in',
    orders: 'Orders',
    other: 'Another question',
  },
  handOff: {
    online: (n) =>
      `I'm passing the conversation to a person from our support team. They will join in about ${minutes(n)} and see everything above, so there is no need to repeat it.`,
    away: (n) =>
      `All our operators are busy right now. You are in the queue: a person will answer here in about ${minutes(n)}. You can close the chat: the answer will wait for you here.`,
    offline:
      'Our operators are not online right now. Leave your question and e-mail address, and we will answer by letter, usually within one working day.',
    operatorGreeting: (name) => `Hello! My name is ${name}, I'm from the support team. I can see the conversation, let me look into it.`,
    operatorAck: 'Thank you, I am checking. One moment, please.',
    defaultOperatorName: 'Maria',
  },
  storeAutoReply: 'Thank you for your message! The seller usually answers within a day.',
  offlineLetter: {
    subject: (id) => `We received your question (${id})`,
    text: ({ firstName, ticketId, question }) =>
      `Hello${firstName ? `, ${firstName}` : ''}!\n\n` +
      `We received your question and will answer to this address, usually within one working day. Your request number is ${ticketId}.\n\n` +
      `Your question:\n${question}\n\nThe marketplace's support team`,
  },
  seeds: [
    {
      storeName: 'TechNova',
      title: 'Order #10428',
      messages: [
        { from: 'person', text: 'Hello, when will you ship the headphones?', ago: 2 * DAY },
        { from: 'store', text: 'Hello! The headphones were shipped today, tracking number RB123456789CN. Delivery takes 10–15\u00a0days.', ago: 2 * DAY - 3 * HOUR },
        { from: 'store', text: 'The tracking has been updated: the parcel has left the sorting centre.', ago: 5 * HOUR },
      ],
      unread: 1,
    },
    {
      storeName: 'Casa Verde',
      title: 'Ceramic vase',
      messages: [
        { from: 'store', text: 'Hello! The ceramic vase from your wishes is back in stock in blue, and it is 15% off this week.', ago: DAY },
        { from: 'store', text: 'And a coupon for your first order with us: CASA5, 5\u00a0€ off an order from 30\u00a0€.', ago: 3 * HOUR },
      ],
      unread: 2,
    },
  ],
};
