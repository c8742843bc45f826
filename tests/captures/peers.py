#!/usr/bin/env python3
# peers.py: TCP peers on 127.0.0.1:12000 doing what the solution programs
# never do, for tests/captures/record.
#   server-closes  the server sends a line and closes first
#   bulk           the client sends 20000 bytes, the server echoes them
#   abort          the client closes with unread data: its kernel sends RST
import socket
import sys
import threading


def listener():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", 12000))
    s.listen(1)
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


{"server-closes": server_closes, "bulk": bulk, "abort": abort}[sys.argv[1]]()
