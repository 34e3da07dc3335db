import { sendMouse } from '@web/test-runner-commands';

/**
 * A page of this origin in an iframe that covers the test page's viewport (so that coordinates inside the
 * frame are page coordinates, give or take the frame's position, which `frameClick` adds). Resolves after
 * the frame's `load`. Remove it with `frame.remove()`.
 */
export async function openFrame(url: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;border:0;background:white;z-index:1';
  const loaded = new Promise<void>((resolve, reject) => {
    frame.addEventListener('load', () => resolve(), { once: true });
    frame.addEventListener('error', () => reject(new Error(`${url} did not load`)), { once: true });
  });
  frame.src = url;
  document.body.append(frame);
  await loaded;
  return frame;
}

/** The frame's window, typed with what the page put on it. */
export function frameWindow<T = object>(frame: HTMLIFrameElement): Window & T {
  const w = frame.contentWindow;
  if (!w) throw new Error('the frame has no window');
  return w as Window & T;
}

/** A real mouse click in the middle of an element inside a same-origin frame. */
export async function frameClick(frame: HTMLIFrameElement, target: Element): Promise<void> {
  target.scrollIntoView({ block: 'center' });
  const r = target.getClientRects()[0] ?? target.getBoundingClientRect();
  const f = frame.getBoundingClientRect();
  await sendMouse({
    type: 'click',
    position: [Math.round(f.left + frame.clientLeft + r.left + r.width / 2), Math.round(f.top + frame.clientTop + r.top + r.height / 2)],
  });
}

/** Resolves with true when `type` fires on `target` within `ms`, else with false. */
export function eventWithin(target: EventTarget, type: string, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      target.removeEventListener(type, onEvent);
      resolve(false);
    }, ms);
    function onEvent() {
      clearTimeout(timer);
      resolve(true);
    }
    target.addEventListener(type, onEvent, { once: true });
  });
}
