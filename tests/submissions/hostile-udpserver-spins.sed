# Hostile: an infinite loop before it ever says it is ready.
# program: UDPServer
# fails: udpserver_reply udpserver_address udpserver_clients udpserver_port
# reason: was still running (the grader stopped it) || was stopped: it used its CPU time limit
# (Its 2 s of CPU time and the 2 s wait for "ready" end together: either
# may stop it first, and the grader says which did.)
/^int main(int argc, char \*argv\[\])$/{
n
a\
	for (;;) {\
	}
}
