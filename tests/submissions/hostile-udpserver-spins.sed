# Hostile: an infinite loop before it ever says it is ready.
# program: UDPServer
# fails: udpserver_reply udpserver_address udpserver_clients udpserver_port
# reason: was still running (the grader stopped it)
/^int main(int argc, char \*argv\[\])$/{
n
a\
	for (;;) {\
	}
}
