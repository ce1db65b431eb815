#!/usr/bin/env python3
"""Holds N idle keep-alive connections to an HTTP server while a load runs, for bench/run.

    idle_connections.py HOST PORT COUNT PATH READY_FILE

Opens COUNT connections, sends one GET of PATH on each and reads the answer (so each is a real
keep-alive connection the server has served), writes "opened OK ERRORS" to READY_FILE, then
waits until its standard input closes (bench/run closes it when the load is over). Then it sends
a second GET on every connection, and prints one line:

    RESULT opened=N open_errors=N still_served=N lost=N

where `lost` counts the connections that the server closed or did not answer the second time.
"""

import selectors
import socket
import sys


def request(host, path):
    return f"GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: gazette-bench-idle\r\n\r\n".encode()


def read_answer(sock):
    """Reads one whole answer (headers + Content-Length body); False if the connection ends."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return False
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    if not head.startswith(b"HTTP/1.1 200"):
        return False
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            return False
        body += chunk
    return True


def serve_once(socks, host, path):
    """Sends one GET on each socket and reads its answer; returns the sockets that answered."""
    answered = []
    for sock in socks:
        try:
            sock.sendall(request(host, path))
            if read_answer(sock):
                answered.append(sock)
            else:
                sock.close()
        except OSError:
            sock.close()
    return answered


def main():
    host, port, count, path, ready_file = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
    socks = []
    for _ in range(count):
        try:
            socks.append(socket.create_connection((host, port), timeout=30))
        except OSError:
            pass
    socks = serve_once(socks, host, path)
    opened = len(socks)
    open_errors = count - opened
    with open(ready_file, "w") as ready:
        ready.write(f"opened {opened} {open_errors}\n")

    # Idle until bench/run closes our standard input; a connection the server closes meanwhile
    # shows up as readable (EOF) and is counted as lost at the end.
    selector = selectors.DefaultSelector()
    selector.register(sys.stdin, selectors.EVENT_READ)
    while True:
        if selector.select(timeout=1) and not sys.stdin.readline():
            break

    still_served = len(serve_once(socks, host, path))
    print(f"RESULT opened={opened} open_errors={open_errors} still_served={still_served} "
          f"lost={opened - still_served}")


if __name__ == "__main__":
    main()
