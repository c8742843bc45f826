# Hostile: a segmentation fault (a write to address argc - 1).
# program: UDPServer
# fails: udpserver_reply udpserver_address udpserver_clients udpserver_port
# reason: signal 11
/^int main(int argc, char \*argv\[\])$/{
n
a\
	*(volatile int *)(long)(argc - 1) = 1;
}
