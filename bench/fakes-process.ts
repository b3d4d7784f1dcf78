/**
 * Fake COR and fake Slack in a process of their own, so that their work (1 s answers, response_url posts)
 * does not slow down the process that sends requests and measures them. Prints their URLs as one JSON line.
 */
import { FakeCor } from '../tools/fake-cor/server.ts';
import { FakeSlack } from '../tools/fake-slack/server.ts';

const slack = await new FakeSlack().start();
const cor = await new FakeCor().start();
process.stdout.write(
  `${JSON.stringify({ slackApiUrl: slack.apiUrl, responseBase: slack.newResponseUrl().replace(/R\d+$/, ''), corApiUrl: cor.apiUrl, corIntegrationsUrl: cor.integrationsUrl, corAuthorizeUrl: cor.authorizeUrl, corPort: cor.port })}\n`,
);
process.on('SIGTERM', () => void Promise.all([slack.stop(), cor.stop()]).then(() => process.exit(0)));
