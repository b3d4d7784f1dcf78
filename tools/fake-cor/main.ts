/** `npm run fake-cor`: the fake COR alone, for trying the bot without a COR account. */
import { FAKE_API_KEY, FAKE_CLIENT_SECRET, FakeCor } from './server.ts';

const port = Number(process.argv[2] ?? 4010);
const fake = await new FakeCor().start(port, '127.0.0.1');
process.stdout.write(
  [
    `Fake COR listening on http://127.0.0.1:${fake.port}`,
    'Point the bot at it with:',
    `  COR_API_URL=${fake.apiUrl}`,
    `  COR_INTEGRATIONS_URL=${fake.integrationsUrl}`,
    `  COR_AUTHORIZE_URL=${fake.authorizeUrl}`,
    `  COR_API_KEY=${FAKE_API_KEY}`,
    `  COR_CLIENT_SECRET=${FAKE_CLIENT_SECRET}`,
    'Demo users sign in with password "demo" (e.g. Jane.Doe@acme.example).',
    'Inject faults: curl -XPOST localhost:PORT/__fake/faults -d \'{"path":"/hours","status":503,"times":2}\' -H content-type:application/json',
    '',
  ].join('\n'),
);
const stop = () => void fake.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
