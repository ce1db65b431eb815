// Creates the demo site in a temporary folder with the built binary and serves it on a free
// port of 127.0.0.1. Returns the teardown, which stops the server with SIGTERM and expects a
// clean exit. The binary comes from GAZETTE_BIN (default: build-test/src/app/gazette).
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '..', '..');
const startTimeoutMs = 30_000;
const stopTimeoutMs = 20_000;

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
  execFileSync(binary, ['init', '--demo', siteDir], { stdio: ['ignore', 'ignore', 'inherit'] });

  const server = spawn(binary, ['serve', siteDir, '--listen', '127.0.0.1:0', '--threads', '2'], {
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

  return async function globalTeardown() {
    server.kill('SIGTERM');
    const code = await waitForExit(server);
    fs.rmSync(tempDir, { recursive: true, force: true });
    if (code !== 0) {
      throw new Error(`gazette serve exited with ${code} after SIGTERM, expected 0`);
    }
  };
};
