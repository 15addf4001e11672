'use strict';

// An Express 5 app on express-session, configured the way a team would configure the app it is
// moving to Java. The Cloakroom interop tests start it beside the Cloakroom demo, pointed at the
// same store with the same secret and cookie name, and check that both read and write one session.
//
// Configuration (environment):
//   PORT            port to listen on; 0 (default) picks a free one. The first stdout line is
//                   "listening on <port>" so the parent process can read it.
//   SESSION_SECRETS JSON array of secrets, newest first (express-session signs with the first)
//   SESSION_NAME    cookie name (default connect.sid)
//   SESSION_STORE   redis://host:port[/db] (connect-redis) or postgres://... (connect-pg-simple)
//   SESSION_MAX_AGE cookie maxAge in milliseconds (default 1800000)
//   SESSION_ROLLING "true" to re-send the cookie on every response

const express = require('express');
const session = require('express-session');

const secrets = JSON.parse(process.env.SESSION_SECRETS || '[]');
if (!Array.isArray(secrets) || secrets.length === 0) {
  fail('SESSION_SECRETS must be a non-empty JSON array of strings');
}
const storeUrl = process.env.SESSION_STORE || '';
const cookieName = process.env.SESSION_NAME || 'connect.sid';
const maxAge = Number(process.env.SESSION_MAX_AGE || 1800000);
const rolling = process.env.SESSION_ROLLING === 'true';

function fail(message) {
  console.error('node app: ' + message);
  process.exit(2);
}

async function openStore() {
  if (/^rediss?:\/\//.test(storeUrl)) {
    const { createClient } = require('redis');
    const { RedisStore } = require('connect-redis');
    const client = createClient({ url: storeUrl });
    client.on('error', (err) => console.error('redis client error:', err.message));
    await client.connect();
    return { store: new RedisStore({ client }), close: () => client.quit() };
  }
  if (/^postgres(ql)?:\/\//.test(storeUrl)) {
    const pg = require('pg');
    const PgStore = require('connect-pg-simple')(session);
    const pool = new pg.Pool({ connectionString: storeUrl });
    // The Java side creates the table first; this only checks that it is there.
    const store = new PgStore({ pool, createTableIfMissing: true, pruneSessionInterval: false });
    return { store, close: () => pool.end() };
  }
  fail('SESSION_STORE must be a redis:// or postgres:// URL, got ' + JSON.stringify(storeUrl));
}

function routes(app) {
  // The Express tutorial's visit counter, as the Java demo has it at /set-session and /get-session.
  app.get('/node/set-session', (req, res) => {
    req.session.username = 'john';
    req.session.visits = (req.session.visits || 0) + 1;
    res.send('Session data set');
  });

  app.get('/node/get-session', (req, res) => {
    res.json({ username: req.session.username ?? null, visits: req.session.visits ?? null });
  });

  // The Java demo stores the logged-in user under "user" as {username, role}.
  app.get('/node/whoami', (req, res) => {
    res.json(req.session.user ?? null);
  });

  // Logs in as the query's user the way the demo does: a new id first, then the user.
  app.get('/node/login', (req, res, next) => {
    req.session.regenerate((err) => {
      if (err) return next(err);
      req.session.user = { username: String(req.query.username), role: 'user' };
      res.send('logged in');
    });
  });

  // A new id that keeps the user: what an app does when privileges change mid-session.
  app.get('/node/regenerate', (req, res, next) => {
    const user = req.session.user;
    req.session.regenerate((err) => {
      if (err) return next(err);
      req.session.user = user ?? null;
      res.send('regenerated');
    });
  });

  app.get('/node/destroy', (req, res, next) => {
    req.session.destroy((err) => {
      if (err) return next(err);
      res.clearCookie(cookieName, { path: '/' });
      res.send('destroyed');
    });
  });

  // express-session already touches every session it loads; this says when it now expires.
  app.get('/node/touch', (req, res) => {
    req.session.touch();
    res.json({ expires: req.session.cookie.expires });
  });

  // The session as express-session sees it: every attribute plus the cookie object.
  app.get('/node/raw', (req, res) => {
    res.json(req.session);
  });

  // Sets one attribute to the JSON body, so tests can store any shape a Node app would.
  app.put('/node/attr/:name', express.json({ strict: false }), (req, res) => {
    req.session[req.params.name] = req.body;
    res.json({ ok: true });
  });

  app.use((err, req, res, next) => {
    console.error('node app error on ' + req.method + ' ' + req.path + ': ' + (err && err.stack || err));
    res.status(500).json({ error: String(err && err.message || err) });
  });
}

async function main() {
  const { store, close } = await openStore();
  const app = express();
  app.use(session({
    secret: secrets,
    name: cookieName,
    store,
    resave: false,
    saveUninitialized: false,
    rolling,
    // The attributes Cloakroom's defaults produce, so both sides send the same cookie.
    cookie: { maxAge, httpOnly: true, path: '/', sameSite: 'lax', secure: 'auto' },
  }));
  routes(app);

  const server = app.listen(Number(process.env.PORT || 0), '127.0.0.1', () => {
    console.log('listening on ' + server.address().port);
  });
  const shutdown = () => server.close(() => Promise.resolve(close()).finally(() => process.exit(0)));
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  // The parent keeps stdin open; when it goes away without stopping us, so do we.
  process.stdin.on('end', () => process.exit(0));
  process.stdin.resume();
}

main().catch((err) => fail('could not start: ' + (err && err.stack || err)));
