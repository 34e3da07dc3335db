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
import { AeLogin as AeLoginElement } from '../define/ae-login.js';
import { AeForgotPassword as AeForgotPasswordElement } from '../define/ae-forgot-password.js';
import { AeResetPassword as AeResetPasswordElement } from '../define/ae-reset-password.js';
import { AeUserMenu as AeUserMenuElement } from '../define/ae-user-menu.js';
import type { AeLoginErrorEvent, AeLoginForgotEvent, AeLoginRegisterEvent, AeLoginSuccessEvent } from '../events/login-events.js';
import type {
  AeForgotPasswordBackEvent,
  AeForgotPasswordErrorEvent,
  AeResetPasswordErrorEvent,
  AeResetPasswordRequestLinkEvent,
  AeResetPasswordSignInEvent,
  AeResetPasswordSuccessEvent,
  AeResetRequestedEvent,
} from '../events/password-events.js';
import type { AeUserMenuAccountEvent, AeUserMenuRegisterEvent, AeUserMenuSignInEvent } from '../events/session-events.js';
import type { AeRegisterErrorEvent, AeRegisterSuccessEvent } from '../events/register-events.js';
import type { AeCaptchaRefreshEvent } from '../events/captcha-events.js';
import type { AeCaptchaHelpEvent } from '../events/captcha-help-event.js';
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
    onAeCaptchaHelp: 'ae-captcha-help' as EventName<AeCaptchaHelpEvent>,
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

export const AeLogin = createComponent({
  tagName: 'ae-login',
  elementClass: AeLoginElement,
  react: React,
  events: {
    onAeLoginSuccess: 'ae-login-success' as EventName<AeLoginSuccessEvent>,
    onAeLoginError: 'ae-login-error' as EventName<AeLoginErrorEvent>,
    onAeLoginForgot: 'ae-login-forgot' as EventName<AeLoginForgotEvent>,
    onAeLoginRegister: 'ae-login-register' as EventName<AeLoginRegisterEvent>,
  },
});

export const AeForgotPassword = createComponent({
  tagName: 'ae-forgot-password',
  elementClass: AeForgotPasswordElement,
  react: React,
  events: {
    onAeResetRequested: 'ae-reset-requested' as EventName<AeResetRequestedEvent>,
    onAeForgotPasswordError: 'ae-forgot-password-error' as EventName<AeForgotPasswordErrorEvent>,
    onAeForgotPasswordBack: 'ae-forgot-password-back' as EventName<AeForgotPasswordBackEvent>,
  },
});

export const AeResetPassword = createComponent({
  tagName: 'ae-reset-password',
  elementClass: AeResetPasswordElement,
  react: React,
  events: {
    onAeResetPasswordSuccess: 'ae-reset-password-success' as EventName<AeResetPasswordSuccessEvent>,
    onAeResetPasswordError: 'ae-reset-password-error' as EventName<AeResetPasswordErrorEvent>,
    onAeResetPasswordRequestLink: 'ae-reset-password-request-link' as EventName<AeResetPasswordRequestLinkEvent>,
    onAeResetPasswordSignIn: 'ae-reset-password-sign-in' as EventName<AeResetPasswordSignInEvent>,
  },
});

export const AeUserMenu = createComponent({
  tagName: 'ae-user-menu',
  elementClass: AeUserMenuElement,
  react: React,
  events: {
    onAeUserMenuSignIn: 'ae-user-menu-sign-in' as EventName<AeUserMenuSignInEvent>,
    onAeUserMenuRegister: 'ae-user-menu-register' as EventName<AeUserMenuRegisterEvent>,
    onAeUserMenuAccount: 'ae-user-menu-account' as EventName<AeUserMenuAccountEvent>,
  },
});
