# E4: the lab's TCPServer, one client at a time, handed in as the
# concurrent server. It fails both tests that need clients served at the
# same time: a silent client holds up the others, and of 20 clients
# connecting at once only those the listen() queue holds get connected.
# from: solutions/TCPServer.c
# program: TCPServerConcurrent
# fails: e4_concurrent e4_many
s/TCPServer:/TCPServerConcurrent:/g
s/usage: TCPServer /usage: TCPServerConcurrent /
