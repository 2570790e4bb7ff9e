// Shared by the broker and the static server: bind a net/http server and turn the
// usual bind failures into one plain sentence an operator can act on, because a
// stack trace for "port busy" is the most common first-run annoyance.

/**
 * @param {import('node:net').Server} server
 * @param {{ port: number, host: string, what: string, flag?: string }} opts
 *   `what` names the listener in the message, `flag` is the CLI option that changes its port.
 * @returns {Promise<number>} the port actually bound (useful when port is 0)
 */
export function listen(server, { port, host, what, flag }) {
  return new Promise((resolve, reject) => {
    const onError = (/** @type {NodeJS.ErrnoException} */ err) => {
      server.off('listening', onListening);
      reject(friendlyListenError(err, { port, host, what, flag }));
    };
    const onListening = () => {
      server.off('error', onError);
      const addr = server.address();
      resolve(typeof addr === 'object' && addr ? addr.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/**
 * @param {NodeJS.ErrnoException} err
 * @param {{ port: number, host: string, what: string, flag?: string }} ctx
 * @returns {Error & { code?: string, friendly?: boolean }}
 */
export function friendlyListenError(err, { port, host, what, flag }) {
  const hint = flag ? ` Choose another with ${flag}.` : '';
  /** @type {string} */
  let message;
  if (err.code === 'EADDRINUSE') message = `Port ${port} is already in use (${what}).${hint}`;
  else if (err.code === 'EACCES') message = `Not allowed to listen on port ${port} (${what}); ports below 1024 usually need root.${hint}`;
  else if (err.code === 'EADDRNOTAVAIL') message = `Address ${host} is not available on this machine (${what}). Choose another with --host.`;
  else return err;
  // `friendly` lets start.mjs print just the message instead of a stack trace.
  return Object.assign(new Error(message, { cause: err }), { code: err.code, friendly: true });
}
