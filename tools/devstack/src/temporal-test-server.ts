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
  const wrapper = path.join(dir, 'temporal-test-server');
  if (fs.existsSync(wrapper)) return wrapper;

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
    fs.writeFileSync(
      path.join(staging, 'temporal-test-server'),
      `#!/bin/sh\n# Started by @temporalio/testing as an existing-path executable: <port> [--enable-time-skipping]\nexec java -cp '${dir}/lib/*' io.temporal.testserver.TestServer "$@"\n`,
      { mode: 0o755 },
    );
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(staging, dir);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw new Error(`could not fetch the Temporal test server with Maven (is \`mvn\` installed and Java 11+?): ${String(error)}`);
  }
  say(`fetched the test server in ${elapsed(started)}`);
  return wrapper;
}
