# A correct alternative design, not a broken one: the server gathers the
# whole sentence (until the client's FIN, in a buffer that grows), then
# upper-cases it and sends it back in one go. It must score full marks.
# program: TCPServer
# fails: none
/^static int serve_client(int connectionSocket, const char \*\*call)$/,/^}$/c\
static int serve_client(int connectionSocket, const char **call)\
{\
	char *sentence = NULL;\
	size_t len = 0, cap = 0;\
	double deadline = now_seconds() + CLIENT_DEADLINE;\
	for (;;) {\
		if (len == cap) {\
			char *bigger = realloc(sentence, cap ? 2 * cap : 4096);\
			*call = "realloc";\
			if (bigger == NULL)\
				break;\
			sentence = bigger;\
			cap = cap ? 2 * cap : 4096;\
		}\
		*call = "setsockopt";\
		if (wait_until(connectionSocket, deadline) < 0)\
			break;\
		*call = "recv";\
		ssize_t n = recv(connectionSocket, sentence + len, cap - len, 0);\
		if (n < 0 && errno == EINTR)\
			continue;\
		if (n <= 0) {\
			if (n < 0)\
				break;\
			upper_ascii(sentence, len);\
			*call = "send";\
			int rc = send_all(connectionSocket, sentence, len, deadline);\
			int saved = errno;\
			free(sentence);\
			errno = saved;\
			return rc;\
		}\
		len += (size_t)n;\
	}\
	int saved = errno;\
	free(sentence);\
	errno = saved;\
	return -1;\
}
