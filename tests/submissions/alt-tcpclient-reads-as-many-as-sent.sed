# A correct alternative design, not a broken one: like the book's client
# it does not half-close; it receives exactly as many bytes as it sent
# (the server's reply has one byte for each), then closes. It must score
# full marks.
# program: TCPClient
# fails: none
/^\t\/\/ Half-close: our FIN says/,/^\t\/\/ receive on the socket\.$/d
/^\tif (shutdown(clientSocket, SHUT_WR) < 0) {$/,/^\t}$/d
s/^\tif (recv_all(clientSocket, &modifiedSentence, &modifiedLen) < 0)$/\tif (recv_exactly(clientSocket, len, \&modifiedSentence, \&modifiedLen) < 0)/
/^\/\/ Receive until the server closes its side/,/^}$/c\
// Receive exactly want bytes (the reply has one for each byte sent) into\
// a malloc'd *modifiedSentence (the caller frees it); *len = want.\
// Returns 0, or -1 after printing why.\
static int recv_exactly(int clientSocket, size_t want, char **modifiedSentence, size_t *len)\
{\
	*len = 0;\
	*modifiedSentence = malloc(want + 1);\
	if (*modifiedSentence == NULL) {\
		perror("TCPClient: malloc");\
		return -1;\
	}\
	while (*len < want) {\
		ssize_t n = recv(clientSocket, *modifiedSentence + *len, want - *len, 0);\
		if (n < 0 && errno == EINTR)\
			continue;\
		if (n <= 0) {\
			if (n == 0)\
				fprintf(stderr, "TCPClient: recv: the server closed the connection early\\n");\
			else\
				perror("TCPClient: recv");\
			free(*modifiedSentence);\
			return -1;\
		}\
		*len += (size_t)n;\
	}\
	return 0;\
}
