#!/usr/bin/env python3
# peers.py: TCP peers on 127.0.0.1:12000 doing what the solution programs
# never do, for tests/captures/record.
#   server-closes  the server sends a line and closes first
#   bulk           the client sends 20000 bytes, the server echoes them
#   abort          the client closes with unread data: its kernel sends RST
#   fragments      a 3000-byte UDP datagram and its upper-cased reply
#   keepalive      SO_KEEPALIVE with 1 s timers: two keep-alives answered
#   zero-window    a server that stops reading: zero window, probes, update
#   fastopen       TCP Fast Open: a cookie request, then data on the SYN
#   backlog        listen(0) and three clients: SYNs dropped and resent
#   reuse          two connections from the same client port, 0.2 s apart
import socket
import sys
import threading
import time


def listener(backlog=1, rcvbuf=None, fastopen=False):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if rcvbuf:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    if fastopen:
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_FASTOPEN, 5)
    s.bind(("127.0.0.1", 12000))
    s.listen(backlog)
    return s


def server_closes():
    ls = listener()

    def serve():
        c, _ = ls.accept()
        c.sendall(b"WELCOME, BYE\n")
        c.close()
    t = threading.Thread(target=serve)
    t.start()
    cs = socket.create_connection(("127.0.0.1", 12000))
    while cs.recv(4096):
        pass
    cs.close()
    t.join()


def bulk():
    ls = listener()

    def serve():
        c, _ = ls.accept()
        while True:
            d = c.recv(65536)
            if not d:
                break
            c.sendall(d.upper())
        c.close()
    t = threading.Thread(target=serve)
    t.start()
    cs = socket.create_connection(("127.0.0.1", 12000))
    cs.sendall(b"abcdefghij" * 2000)
    cs.shutdown(socket.SHUT_WR)
    while cs.recv(65536):
        pass
    cs.close()
    t.join()


def abort():
    ls = listener()
    done = threading.Event()

    def serve():
        c, _ = ls.accept()
        c.sendall(b"UNREAD DATA\n")
        done.wait(2)
        c.close()
    t = threading.Thread(target=serve)
    t.start()
    cs = socket.create_connection(("127.0.0.1", 12000))
    cs.sendall(b"hello\n")
    import time
    time.sleep(0.1)
    cs.close()  # "UNREAD DATA" is still unread: RST
    done.set()
    t.join()


def fragments():
    srv = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    srv.bind(("127.0.0.1", 12000))
    cl = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    cl.sendto(b"fragmented! " * 250, ("127.0.0.1", 12000))
    d, a = srv.recvfrom(65536)
    srv.sendto(d.upper(), a)
    cl.recv(65536)


def keepalive():
    ls = listener()
    cs = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    cs.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
    cs.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE, 1)
    cs.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPINTVL, 1)
    cs.connect(("127.0.0.1", 12000))
    c, _ = ls.accept()
    cs.sendall(b"ping\n")
    c.recv(100)
    time.sleep(2.5)
    cs.close()
    c.close()


def zero_window():
    ls = listener(rcvbuf=4096)
    cs = socket.create_connection(("127.0.0.1", 12000))
    c, _ = ls.accept()
    cs.setblocking(False)
    try:
        for _ in range(100):
            cs.send(b"z" * 1000)
    except BlockingIOError:
        pass
    time.sleep(1.2)
    c.setblocking(False)
    try:
        while True:
            c.recv(65536)
            time.sleep(0.05)
    except BlockingIOError:
        pass
    time.sleep(0.2)
    cs.close()
    c.close()


def fastopen():
    ls = listener(fastopen=True)

    def serve():
        for _ in range(2):
            c, _ = ls.accept()
            c.sendall(c.recv(100).upper())
            c.close()
    t = threading.Thread(target=serve)
    t.start()
    for _ in range(2):
        cs = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        cs.sendto(b"hello\n", socket.MSG_FASTOPEN, ("127.0.0.1", 12000))
        cs.recv(100)
        cs.close()
        time.sleep(0.2)
    t.join()


def backlog():
    ls = listener(backlog=0)
    cs = []
    for _ in range(3):
        c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        c.setblocking(False)
        try:
            c.connect(("127.0.0.1", 12000))
        except BlockingIOError:
            pass
        cs.append(c)
        time.sleep(0.05)
    time.sleep(1.5)
    for _ in range(3):
        ls.accept()[0].close()
        time.sleep(0.5)
    time.sleep(1)
    for c in cs:
        c.close()


def reuse():
    ls = listener()
    for _ in range(2):
        cs = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        cs.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        cs.bind(("127.0.0.1", 45000))
        cs.connect(("127.0.0.1", 12000))
        c, _ = ls.accept()
        cs.sendall(b"hi\n")
        c.recv(10)
        cs.close()
        c.recv(10)
        c.close()
        time.sleep(0.2)


{"server-closes": server_closes, "bulk": bulk, "abort": abort,
 "fragments": fragments, "keepalive": keepalive, "zero-window": zero_window,
 "fastopen": fastopen, "backlog": backlog, "reuse": reuse}[sys.argv[1]]()
