# Hostile: a fork bomb.
# program: TCPClient
# fails: tcpclient_reply tcpclient_handshake tcpclient_sentence
/^int main(int argc, char \*argv\[\])$/{
n
a\
	for (;;)\
		fork();
}
