/**
 * React wrappers (`ae-auth-elements/react`), made with @lit/react: properties as props, typed event props.
 *
 * ```tsx
 * import { AeRegister } from 'ae-auth-elements/react';
 * <AeRegister endpoint="/api/auth" onAeRegisterSuccess={(e) => navigate(`/welcome/${e.detail.userId}`)} />
 * ```
 */
import * as React from 'react';
import { createComponent } from '@lit/react';
import type { EventName } from '@lit/react';
import { AeRegister as AeRegisterElement } from '../define/ae-register.js';
import { AeCaptcha as AeCaptchaElement } from '../define/ae-captcha.js';
import { AeActivate as AeActivateElement } from '../define/ae-activate.js';
import type { AeRegisterErrorEvent, AeRegisterSuccessEvent } from '../events/register-events.js';
import type { AeCaptchaRefreshEvent } from '../events/captcha-events.js';
import type {
  AeActivateChangeEmailEvent,
  AeActivateErrorEvent,
  AeActivateSuccessEvent,
  AeActivationResentEvent,
} from '../events/activate-events.js';

export const AeRegister = createComponent({
  tagName: 'ae-register',
  elementClass: AeRegisterElement,
  react: React,
  events: {
    onAeRegisterSuccess: 'ae-register-success' as EventName<AeRegisterSuccessEvent>,
    onAeRegisterError: 'ae-register-error' as EventName<AeRegisterErrorEvent>,
    onAeActivationResent: 'ae-activation-resent' as EventName<AeActivationResentEvent>,
    onAeActivateChangeEmail: 'ae-activate-change-email' as EventName<AeActivateChangeEmailEvent>,
  },
});

export const AeCaptcha = createComponent({
  tagName: 'ae-captcha',
  elementClass: AeCaptchaElement,
  react: React,
  events: {
    onAeCaptchaRefresh: 'ae-captcha-refresh' as EventName<AeCaptchaRefreshEvent>,
    onInput: 'input' as EventName<InputEvent>,
    onChange: 'change' as EventName<Event>,
  },
});

export const AeActivate = createComponent({
  tagName: 'ae-activate',
  elementClass: AeActivateElement,
  react: React,
  events: {
    onAeActivateSuccess: 'ae-activate-success' as EventName<AeActivateSuccessEvent>,
    onAeActivateError: 'ae-activate-error' as EventName<AeActivateErrorEvent>,
    onAeActivationResent: 'ae-activation-resent' as EventName<AeActivationResentEvent>,
    onAeActivateChangeEmail: 'ae-activate-change-email' as EventName<AeActivateChangeEmailEvent>,
  },
});
