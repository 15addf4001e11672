// The harness's Express cases: the demo's visit counter on Express 5 and express-session, its
// sessions in express-session's MemoryStore or, when REDIS_URL is set, in Redis via connect-redis.
// Options match the demo's defaults: 30-minute cookie, resave and saveUninitialized off, not rolling.
//
//   PORT=47103 SECRET=... node app.js                          # MemoryStore
//   PORT=47104 SECRET=... REDIS_URL=redis://127.0.0.1:47379 node app.js
'use strict';
const express = require('express');
const session = require('express-session');

async function main() {
  let store; // undefined: express-session's MemoryStore
  if (process.env.REDIS_URL) {
    const { createClient } = require('redis');
    const { RedisStore } = require('connect-redis');
    const client = createClient({ url: process.env.REDIS_URL });
    await client.connect();
    store = new RedisStore({ client });
  }
  const app = express();
  app.use(session({
    secret: process.env.SECRET,
    store,
    resave: false,
    saveUninitialized: false,
    cookie: { maxAge: 30 * 60 * 1000 },
  }));
  app.get('/health', (req, res) => res.send('ok'));
  app.get('/set-session', (req, res) => {
    req.session.username = 'john';
    req.session.visits = (req.session.visits || 0) + 1;
    res.send('Session data set');
  });
  app.get('/get-session', (req, res) => {
    if (!req.session.username) {
      res.send('No session data found');
      return;
    }
    res.send(`Welcome back, ${req.session.username}! You've visited ${req.session.visits || 0} times.`);
  });
  app.listen(Number(process.env.PORT), '127.0.0.1');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
