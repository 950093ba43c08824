// What every view knows: who is signed in and which municipality is chosen.
import type { User } from './types';

export interface Ctx {
  user: User;
  /** The chosen municipality, or null for all the user's municipalities. */
  tenant: string | null;
}

/** The municipality a view that needs exactly one should use. */
export function oneTenant(ctx: Ctx): string | null {
  if (ctx.tenant) return ctx.tenant;
  return ctx.user.role !== 'maintainer' && ctx.user.tenants.length === 1 ? ctx.user.tenants[0] : null;
}

/** A view draws itself into `root` and may return a clean-up (timers) for when it is left. */
export type View = (root: HTMLElement, ctx: Ctx) => void | (() => void);
