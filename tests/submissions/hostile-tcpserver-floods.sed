# Hostile: writes without end to stdout (hundreds of MB if let run).
# program: TCPServer
# fails: tcpserver_reply tcpserver_close tcpserver_clients tcpserver_port
# reason: more than 1 MiB of output
/^int main(int argc, char \*argv\[\])$/{
n
a\
	for (;;)\
		fputs("flood flood flood flood flood flood flood flood flood flood\\n", stdout);
}
