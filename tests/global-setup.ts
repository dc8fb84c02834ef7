// Runs once before the suite. Browser tests build the web app themselves (see tests/e2e/build.ts); nothing here yet
// reaches the network: every server a test starts binds to 127.0.0.1 or localhost.
export default function setup(): void {
  process.env.ATELIER_TEST = '1';
}
