# Hostile: allocates and touches memory without bound.
# program: UDPClient
# fails: udpclient_reply udpclient_datagram udpclient_port
/^int main(int argc, char \*argv\[\])$/{
n
a\
	for (;;) {\
		char *p = malloc(1 << 20);\
		if (p != NULL)\
			memset(p, 1, 1 << 20);\
	}
}
