import { connect, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

// A station's own way to the server: a TCP door on a port of its own that passes bytes both ways.
// `cut()` drops every connection through it and refuses new ones, so that station alone is
// offline, service worker included (a browser's setOffline leaves a service worker's own requests
// alone); `open()` lets it through again. The page's origin is the door's, so Host and Origin
// agree as the server checks them.
export interface TcpDoor {
  url: string;
  cut: () => void;
  open: () => void;
  close: () => Promise<void>;
}

export const startTcpDoor = async (targetPort: number): Promise<TcpDoor> => {
  const sockets = new Set<Socket>();
  let shut = false;
  const keep = (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => s.destroy());
  };
  const server = createServer((client) => {
    keep(client);
    if (shut) return client.destroy();
    const upstream = connect(targetPort, '127.0.0.1');
    keep(upstream);
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const cut = () => {
    shut = true;
    for (const s of sockets) s.destroy();
  };
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    cut,
    open: () => {
      shut = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        cut();
        server.close(() => resolve());
      }),
  };
};
