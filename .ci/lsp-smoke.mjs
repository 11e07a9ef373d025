// Talks to an installed language server over stdio with hand-framed JSON-RPC (no dependencies, so
// it runs beside a package installed in an empty folder): initialize, open a template with a known
// error, wait for its diagnostics, ask for a hover, shut down and exit. Exits 0 when the server
// answered everything and ended with status 0; otherwise prints what went wrong and exits 1.
//
//   node .ci/lsp-smoke.mjs COMMAND [ARGS...]     e.g. node .ci/lsp-smoke.mjs cognito-client-language-server --stdio
import { spawn } from 'node:child_process';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  process.stderr.write('usage: node .ci/lsp-smoke.mjs COMMAND [ARGS...]\n');
  process.exit(2);
}

const TEMPLATE = [
  'AWSTemplateFormatVersion: "2010-09-09"',
  'Resources:',
  '  Pool:',
  '    Type: AWS::Cognito::UserPool',
  '  Client:',
  '    Type: AWS::Cognito::UserPoolClient',
  '    Properties:',
  '      UserPoolId: !Ref Pool',
  '      AllowedOAuthFlowsUserPoolClient: true',
  '      AllowedOAuthFlows: [client_credentials, code]',
  '      AllowedOAuthScopes: [openid]',
  '      CallbackURLs: [https://example.com/cb]',
  '',
].join('\n');
const URI = 'file:///smoke/template.yaml';

const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'inherit'] });
const timer = setTimeout(() => done(`no complete conversation within 20 s`), 20_000);
let buffer = Buffer.alloc(0);
const waiting = new Map();
let diagnostics;
let onDiagnostics;

function done(error) {
  clearTimeout(timer);
  if (error) {
    process.stderr.write(`lsp-smoke: ${error}\n`);
    child.kill();
    process.exit(1);
  }
}

function send(message) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
  child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
  child.stdin.write(body);
}

let nextId = 1;
function request(method, params) {
  const id = nextId++;
  send({ id, method, params });
  return new Promise((resolve, reject) => waiting.set(id, { resolve, reject }));
}

child.on('error', (error) => done(`cannot start ${command}: ${error.message}`));
child.stdout.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const end = buffer.indexOf('\r\n\r\n');
    if (end < 0) return;
    const length = Number(/Content-Length: *(\d+)/i.exec(buffer.subarray(0, end).toString('ascii'))?.[1]);
    if (!Number.isFinite(length) || buffer.length < end + 4 + length) return;
    const message = JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString('utf8'));
    buffer = buffer.subarray(end + 4 + length);
    if (message.id !== undefined && message.method === undefined) {
      const w = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.error) w?.reject(new Error(message.error.message));
      else w?.resolve(message.result);
    } else if (message.id !== undefined) {
      // A request from the server (configuration, registration): answer with nothing.
      send({ id: message.id, result: message.method === 'workspace/configuration' ? message.params.items.map(() => null) : null });
    } else if (message.method === 'textDocument/publishDiagnostics' && message.params.uri === URI && message.params.diagnostics.length) {
      diagnostics = message.params.diagnostics;
      onDiagnostics?.();
    }
  }
});

const init = await request('initialize', { processId: process.pid, rootUri: null, capabilities: { textDocument: { publishDiagnostics: {} } } });
if (!init?.capabilities?.hoverProvider) done('initialize answered without hoverProvider');
send({ method: 'initialized', params: {} });
send({ method: 'textDocument/didOpen', params: { textDocument: { uri: URI, languageId: 'yaml', version: 1, text: TEMPLATE } } });
if (!diagnostics) await new Promise((resolve) => (onDiagnostics = resolve));
const codes = diagnostics.map((d) => d.code);
if (!codes.includes('client-credentials-exclusive')) done(`expected client-credentials-exclusive among ${JSON.stringify(codes)}`);
const hover = await request('textDocument/hover', { textDocument: { uri: URI }, position: { line: 9, character: 8 } });
if (!hover?.contents) done('no hover on AllowedOAuthFlows');
await request('shutdown', null);
send({ method: 'exit' });
const status = await new Promise((resolve) => child.on('exit', (code) => resolve(code)));
if (status !== 0) done(`the server exited with status ${status}`);
done();
process.stdout.write(`lsp-smoke: ${command} initialized, reported ${codes.length} diagnostics (${[...new Set(codes)].join(', ')}), answered a hover, exited 0\n`);
