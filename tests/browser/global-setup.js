// Creates the demo site in a temporary folder with the built binary, adds a contributor and an
// editor, and serves it on a free port of 127.0.0.1. Returns the teardown, which stops the server
// with SIGTERM and expects a clean exit. The binary comes from GAZETTE_BIN (default:
// build-test/src/app/gazette). The tests get the site's URL as GAZETTE_URL and the newsroom
// accounts as GAZETTE_ACCOUNTS: JSON { admin, contributor, editor }, each { email, password }.
// Passwords are hashed at the cheapest cost (GAZETTE_TEST_PASSWORD_COST=minimum) to keep
// sign-ins fast; the server gets the same setting so that it does not rehash them.
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '..', '..');
const startTimeoutMs = 30_000;
const stopTimeoutMs = 20_000;
const childEnv = { ...process.env, GAZETTE_TEST_PASSWORD_COST: 'minimum' };

// Runs the binary and returns what it printed on stdout.
function run(binary, args) {
  return execFileSync(binary, args, {
    env: childEnv,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

// The password in `output` after `prefix` (the rest of that line up to two spaces), or throws.
function printedPassword(output, prefix) {
  const line = output.split('\n').find((candidate) => candidate.startsWith(prefix));
  const match = line && /^(\S+)(?:\s{2}|$)/.exec(line.slice(prefix.length));
  if (!match) throw new Error(`no password after "${prefix}" in:\n${output}`);
  return match[1];
}

// Adds an account with a generated password and returns { email, password }.
function addUser(binary, siteDir, email, role, name) {
  const args = ['user', 'add', siteDir, '--role', role, '--name', name, '--generate', email];
  const output = run(binary, args);
  return { email, password: printedPassword(output, `Password for ${email}: `) };
}

function gazetteBinary() {
  const configured = process.env.GAZETTE_BIN || 'build-test/src/app/gazette';
  const binary = path.resolve(repoRoot, configured);
  if (!fs.existsSync(binary)) {
    throw new Error(`gazette binary not found at ${binary}: build it first or set GAZETTE_BIN`);
  }
  return binary;
}

// Resolves with the server's URL once it prints "gazette: serving DIR at URL".
function waitForServingLine(server, siteDir) {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(
      () => reject(new Error(`gazette serve did not start within ${startTimeoutMs} ms: ${stderr}`)),
      startTimeoutMs,
    );
    server.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    server.stdout.on('data', (chunk) => {
      if (stdout === null) return; // started: keep draining the access log
      stdout += chunk;
      const newline = stdout.indexOf('\n');
      if (newline < 0) return;
      const line = stdout.slice(0, newline);
      stdout = null;
      clearTimeout(timer);
      const match = /^gazette: serving (.+) at (http:\/\/127\.0\.0\.1:\d+\/)$/.exec(line);
      if (match && match[1] === siteDir) resolve(match[2]);
      else reject(new Error(`unexpected first line from gazette serve: ${line}`));
    });
    server.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`gazette serve exited (${code ?? signal}) before listening: ${stderr}`));
    });
  });
}

function waitForExit(server) {
  return new Promise((resolve, reject) => {
    if (server.exitCode !== null || server.signalCode !== null) {
      resolve(server.exitCode ?? server.signalCode);
      return;
    }
    const timer = setTimeout(() => {
      server.kill('SIGKILL');
      reject(new Error(`gazette serve still running ${stopTimeoutMs} ms after SIGTERM`));
    }, stopTimeoutMs);
    server.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? signal);
    });
  });
}

module.exports = async function globalSetup() {
  const binary = gazetteBinary();
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-browser-'));
  const siteDir = path.join(tempDir, 'site');
  let accounts;
  try {
    const initOutput = run(binary, ['init', '--demo', siteDir]);
    accounts = {
      admin: {
        email: 'admin@localhost',
        password: printedPassword(initOutput, 'Admin account: admin@localhost / password: '),
      },
      contributor: addUser(binary, siteDir, 'writer@example.org', 'contributor', 'Wren Writer'),
      editor: addUser(binary, siteDir, 'editor@example.org', 'editor', 'Eddie Editor'),
    };
  } catch (error) {
    fs.rmSync(tempDir, { recursive: true, force: true });
    throw error;
  }

  const server = spawn(binary, ['serve', siteDir, '--listen', '127.0.0.1:0', '--threads', '2'], {
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let url;
  try {
    url = await waitForServingLine(server, siteDir);
  } catch (error) {
    server.kill('SIGKILL');
    fs.rmSync(tempDir, { recursive: true, force: true });
    throw error;
  }
  process.env.GAZETTE_URL = url;
  process.env.GAZETTE_ACCOUNTS = JSON.stringify(accounts);

  return async function globalTeardown() {
    server.kill('SIGTERM');
    const code = await waitForExit(server);
    fs.rmSync(tempDir, { recursive: true, force: true });
    if (code !== 0) {
      throw new Error(`gazette serve exited with ${code} after SIGTERM, expected 0`);
    }
  };
};
