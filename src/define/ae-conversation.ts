import { AeConversation } from '../components/conversation/conversation.js';
import { defineOnce } from '../internal/define.js';

export { AeConversation };
defineOnce('ae-conversation', AeConversation);

declare global {
  interface HTMLElementTagNameMap {
    'ae-conversation': AeConversation;
  }
}
