import type { App } from 'vue';

/** A vitesse-style module: every src/modules/*.ts exports `install` and main.ts runs them. */
export type UserModule = (ctx: { app: App }) => void;
