import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import restify from 'restify';

// The baseline: the smallest bot on the same stack as ours (botbuilder CloudAdapter,
// restify, no app id, so no authentication). It answers every message with one message
// that repeats it; with expectReplies the answer comes back in the HTTP response.

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

export async function startEchoBot(): Promise<RunningServer> {
  const auth = new ConfigurationBotFrameworkAuthentication({});
  const adapter = new CloudAdapter(auth);
  const server = restify.createServer({ name: 'bench-echo', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ mapParams: false }));
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, async (context) => {
      if (context.activity.type === 'message') await context.sendActivity(`echo: ${context.activity.text}`);
    });
  });
  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve();
    });
  });
  return {
    url: server.url.replace('[::]', '127.0.0.1'),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}
