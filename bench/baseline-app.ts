/**
 * The benchmark's baseline: a bare Bolt app in HTTP mode that answers /cor with the same usage card and
 * nothing else (no store, no COR, no routing of ours), and acknowledges log-form submissions. It logs the same
 * start-up line as the bot.
 */
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { textsIn } from '../src/i18n/texts.ts';
import { usageCard } from '../src/slack/help.ts';
import { working } from '../src/slack/log-time/blocks.ts';

const receiver = new HTTPReceiver({ signingSecret: process.env.SLACK_SIGNING_SECRET ?? '', logLevel: LogLevel.ERROR });
const app = new App({
  receiver,
  logLevel: LogLevel.ERROR,
  authorize: async () => ({ botToken: process.env.SLACK_BOT_TOKEN ?? '', botId: 'BBOT', botUserId: 'UBOT' }),
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
});
// The same first answer the bot gives: the usage card, or "Logging…" for /cor log.
app.command('/cor', async ({ ack, command }) => {
  await ack({ response_type: 'ephemeral', ...(command.text.startsWith('log ') ? working(textsIn('en')) : usageCard(textsIn('en'))) });
});
// The log-time form's submission: acknowledged (closed) and nothing else.
app.view('log_time_modal', async ({ ack }) => {
  await ack();
});
const server = await receiver.start({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
const address = server.address();
process.stdout.write(`${JSON.stringify({ msg: 'cor-slack is running', port: typeof address === 'object' && address ? address.port : 0 })}\n`);
process.on('SIGTERM', () => void receiver.stop().then(() => process.exit(0)));
