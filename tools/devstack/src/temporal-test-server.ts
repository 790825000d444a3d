import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { elapsed, say } from './log';
import { toolCacheDir } from './paths';

/** Temporal's Java time-skipping test server from Maven Central (the SDK's own download cannot reach its site here). */
export const TEST_SERVER_VERSION = '1.38.0';

const POM = `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>haochaping.tools</groupId>
  <artifactId>temporal-test-server-fetch</artifactId>
  <version>1</version>
  <dependencies>
    <dependency>
      <groupId>io.temporal</groupId>
      <artifactId>temporal-test-server</artifactId>
      <version>${TEST_SERVER_VERSION}</version>
    </dependency>
  </dependencies>
</project>
`;

/**
 * Returns the path of an executable that starts the test server: the SDK runs `<path> <port> <extraArgs>`
 * and kills only its direct child, so the wrapper `exec`s java (no orphaned JVM).
 */
export function ensureTimeSkippingServer(): string {
  const dir = path.join(toolCacheDir(), `temporal-test-server-${TEST_SERVER_VERSION}`);
  const lib = path.join(dir, 'lib');
  if (!fs.existsSync(path.join(lib, `temporal-test-server-${TEST_SERVER_VERSION}.jar`))) fetchTestServer(dir);

  // Written on every run (cheap), so a change of flags reaches machines whose cache predates it.
  // The SDK gives the server 5 s to open its port: a default JVM took ~3 s idle here, and more under the load
  // of parallel test suites. Serial GC and the C1 compiler only bring that to ~0.5 s; tests do not need C2.
  const wrapper = path.join(dir, 'temporal-test-server');
  const script =
    '#!/bin/sh\n' +
    '# Started by @temporalio/testing as an existing-path executable: <port> [--enable-time-skipping]\n' +
    `exec java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -cp '${lib}/*' io.temporal.testserver.TestServer "$@"\n`;
  if (!fs.existsSync(wrapper) || fs.readFileSync(wrapper, 'utf8') !== script) {
    fs.writeFileSync(`${wrapper}.tmp`, script, { mode: 0o755 });
    fs.renameSync(`${wrapper}.tmp`, wrapper);
  }
  return wrapper;
}

function fetchTestServer(dir: string): void {
  say(`fetching io.temporal:temporal-test-server:${TEST_SERVER_VERSION} with Maven into ${dir} (once per machine, ~10-30 s) ...`);
  const started = Date.now();
  fs.mkdirSync(toolCacheDir(), { recursive: true });
  const staging = fs.mkdtempSync(path.join(toolCacheDir(), '.test-server-fetch-'));
  try {
    fs.writeFileSync(path.join(staging, 'pom.xml'), POM);
    execFileSync('mvn', ['-q', '-B', 'dependency:copy-dependencies', `-DoutputDirectory=${path.join(staging, 'lib')}`], {
      cwd: staging,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(staging, dir);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw new Error(`could not fetch the Temporal test server with Maven (is \`mvn\` installed and Java 11+?): ${String(error)}`);
  }
  say(`fetched the test server in ${elapsed(started)}`);
}
