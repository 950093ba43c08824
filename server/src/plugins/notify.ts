import fp from 'fastify-plugin';
import { createNotifyChannel } from '../scale/create-notify-channel';
import type { NotifyChannel } from '../scale/notify-channel';

declare module 'fastify' {
  interface FastifyInstance {
    /** Nudges between instances (issue 14): Redis pub/sub, PostgreSQL LISTEN/NOTIFY, or in-process. */
    notify: NotifyChannel;
  }
}

export default fp<{ databaseUrl?: string; redisUrl?: string }>(
  async (app, opts) => {
    const notify = await createNotifyChannel({
      databaseUrl: opts.databaseUrl,
      redisUrl: opts.redisUrl,
      onError: (err) => app.log.warn({ err }, 'Notification channel error'),
    });
    app.decorate('notify', notify);
    app.addHook('onClose', async () => {
      await notify.close();
    });
  },
  { name: 'notify' },
);
