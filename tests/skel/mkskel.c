// mkskel.c: make a lab skeleton from a solution and its blanks spec.
//
//   mkskel PROGRAM SOLUTION.c SPEC > labs/PROGRAM.c
//   mkskel --key PROGRAM SOLUTION.c SPEC    the answer key: for each blank,
//                                           "PROGRAM | N | CODE", CODE being
//                                           exactly what todo(N) replaced
//                                           (runs of white space as one)
//
// The spec (tests/skel/PROGRAM.blanks) lists the blanks, one a line:
//   N | CODE | KEEP | HINT
// CODE is solution text that must occur exactly once; the blank is part
// of it (see locate()). It becomes todo(N) (or
// todo(N, KEEP) when KEEP, not "-", names variables the code used, so
// that they stay in use), with "// TODO N: HINT" on its own line above. Exits 1,
// naming the blank, when the spec no longer matches the solution, so a
// change to a solution cannot silently miss its skeleton.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_BLANKS 32

struct blank {
	int n;
	char code[512], keep[128], hint[512];
	size_t start, end;  // the span of the solution it replaces
};

static const char *prog;

// Print an error naming mkskel and the program, and exit 1.
static void fail(const char *fmt, const char *a, int n)
{
	fprintf(stderr, "mkskel: %s: ", prog);
	fprintf(stderr, fmt, a, n);
	fputc('\n', stderr);
	exit(1);
}

// Read a whole file into a malloc'd NUL-terminated string.
static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	if (f == NULL)
		fail("cannot open %s", path, 0);
	size_t cap = 1 << 16, len = 0;
	char *buf = malloc(cap);
	size_t n;
	while (buf && (n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
		len += n;
		if (len + 1 == cap)
			buf = realloc(buf, cap *= 2);
	}
	if (buf == NULL)
		fail("out of memory reading %s", path, 0);
	buf[len] = '\0';
	fclose(f);
	return buf;
}

// Copy field s (trimmed of spaces) into out.
static void field(const char *s, size_t len, char *out, size_t size)
{
	while (len > 0 && *s == ' ')
		s++, len--;
	while (len > 0 && s[len - 1] == ' ')
		len--;
	if (len >= size)
		len = size - 1;
	memcpy(out, s, len);
	out[len] = '\0';
}

// Parse the spec into b[]. Returns the number of blanks.
static int parse_spec(char *spec, struct blank *b)
{
	int nb = 0;
	for (char *line = strtok(spec, "\n"); line; line = strtok(NULL, "\n")) {
		if (line[0] == '#' || line[0] == '\0')
			continue;
		char *bar[3], *p = line;
		for (int i = 0; i < 3; i++) {
			bar[i] = strstr(p, " | ");
			if (bar[i] == NULL || nb == MAX_BLANKS)
				fail("bad spec line: %s", line, 0);
			p = bar[i] + 3;
		}
		b[nb].n = atoi(line);
		field(bar[0] + 3, (size_t)(bar[1] - bar[0] - 3), b[nb].code, sizeof b[nb].code);
		field(bar[1] + 3, (size_t)(bar[2] - bar[1] - 3), b[nb].keep, sizeof b[nb].keep);
		if (strcmp(b[nb].keep, "-") == 0)
			b[nb].keep[0] = '\0';
		field(bar[2] + 3, strlen(bar[2] + 3), b[nb].hint, sizeof b[nb].hint);
		if (b[nb].n != nb + 1)
			fail("blanks must be numbered 1, 2, ... in order (at \"%s\")", b[nb].code, 0);
		nb++;
	}
	return nb;
}

// Find blank b's span in the solution text src. The code's text must
// occur once. The blank is the part between [[ and ]] if it has them;
// else, if it has a "(", up to the ")" matching its first one (so a call
// spread over lines is named by its start, and a comment after it may
// make it unique); else all of it but a final ";".
static void locate(const char *src, struct blank *b)
{
	char text[512];
	const char *open = strstr(b->code, "[["), *close = strstr(b->code, "]]");
	size_t pre = 0, mid = 0;
	if (open && close && close > open) {
		pre = (size_t)(open - b->code), mid = (size_t)(close - open - 2);
		snprintf(text, sizeof text, "%.*s%.*s%s", (int)pre, b->code, (int)mid,
		         open + 2, close + 2);
	} else {
		snprintf(text, sizeof text, "%s", b->code);
	}
	const char *at = strstr(src, text);
	if (at == NULL)
		fail("TODO %2$d: \"%1$s\" is no longer in the solution", text, b->n);
	if (strstr(at + 1, text) != NULL)
		fail("TODO %2$d: \"%1$s\" occurs more than once in the solution", text, b->n);
	size_t len = strlen(text);
	b->start = (size_t)(at - src) + pre;
	b->end = open && close ? b->start + mid : b->start + len - (text[len - 1] == ';');
	const char *paren = strchr(text, '(');
	if ((open && close) || paren == NULL)
		return;
	int depth = 0;
	for (const char *p = at + (paren - text); *p; p++) {
		depth += (*p == '(') - (*p == ')');
		if (depth == 0) {
			b->end = (size_t)(p + 1 - src);
			return;
		}
	}
	fail("TODO %2$d: \"%1$s\" has no closing parenthesis", text, b->n);
}

// Print src[from, to) with the blanks inside it replaced.
static void emit(const char *src, size_t from, size_t to, struct blank *b, int nb)
{
	for (size_t i = from; i < to; ) {
		int hit = -1;
		for (int k = 0; k < nb; k++)
			if (b[k].start == i)
				hit = k;
		if (hit < 0) {
			// A line holding a blank gets its TODO comment above it.
			if (i == 0 || src[i - 1] == '\n')
				for (int k = 0; k < nb; k++) {
					const char *eol = strchr(src + i, '\n');
					size_t lend = eol ? (size_t)(eol - src) : strlen(src);
					if (b[k].start >= i && b[k].start < lend) {
						size_t ind = strspn(src + i, "\t ");
						printf("%.*s// TODO %d: %s\n", (int)ind, src + i, b[k].n, b[k].hint);
					}
				}
			putchar(src[i++]);
			continue;
		}
		printf("todo(%d%s%s)", b[hit].n, b[hit].keep[0] ? ", " : "", b[hit].keep);
		i = b[hit].end;
	}
}

// Print the scaffolding at the end: the hints and todo() itself.
static void emit_todo(const struct blank *b, int nb)
{
	printf("\n// ---- Lab scaffolding: todo() stands in for the code of each blank. ----\n\n");
	printf("static const char *const todo_hints[] = {\n");
	for (int k = 0; k < nb; k++) {
		printf("\t[%d] = \"", b[k].n);
		for (const char *p = b[k].hint; *p; p++)
			printf(*p == '"' || *p == '\\' ? "\\%c" : "%c", *p);
		printf("\",\n");
	}
	printf("};\n\n");
	printf("// Say that blank n is not filled in yet, and stop the program.\n");
	printf("_Noreturn int todo(int n, ...)\n{\n");
	printf("\tfprintf(stderr, \"%s: TODO %%d is not done yet: %%s\\n\", n, todo_hints[n]);\n", prog);
	printf("\texit(1);\n}\n");
}

// Print the answer key: one line per blank, its code with every run of
// white space (a call spread over lines) printed as one space.
static void emit_key(const char *src, const struct blank *b, int nb)
{
	for (int k = 0; k < nb; k++) {
		printf("%s | %d | ", prog, b[k].n);
		for (size_t i = b[k].start; i < b[k].end; i++) {
			int space = strchr(" \t\n", src[i]) != NULL;
			if (!space)
				putchar(src[i]);
			else if (!strchr(" \t\n", src[i + 1]))
				putchar(' ');
		}
		putchar('\n');
	}
}

int main(int argc, char **argv)
{
	struct blank b[MAX_BLANKS];
	int key = argc == 5 && strcmp(argv[1], "--key") == 0;
	if (argc != 4 && !key) {
		fprintf(stderr, "usage: mkskel [--key] PROGRAM SOLUTION.c SPEC\n");
		return 2;
	}
	argv += key;
	prog = argv[1];
	char *src = slurp(argv[2]), *spec = slurp(argv[3]);
	int nb = parse_spec(spec, b);
	for (int k = 0; k < nb; k++)
		locate(src, &b[k]);
	if (key) {
		emit_key(src, b, nb);
		free(src);
		free(spec);
		return 0;
	}
	// The prototype goes after the last #include line.
	char *inc = NULL;
	for (char *p = strstr(src, "\n#include "); p; p = strstr(p + 1, "\n#include "))
		inc = p;
	if (inc == NULL || strstr(src, "<stdio.h>") == NULL || strstr(src, "<stdlib.h>") == NULL)
		fail("the solution must #include <stdio.h> and <stdlib.h>%.0s%.0d", "", 0);
	size_t cut = (size_t)(strchr(inc + 1, '\n') - src) + 1;
	emit(src, 0, cut, b, nb);
	printf("\n// Lab skeleton: fill in the blanks, in order. Each todo(n) stands for\n"
	       "// code you write, described by the \"TODO n\" comment above it; until\n"
	       "// then the program stops there and says which blank it reached.\n"
	       "_Noreturn int todo(int n, ...);\n"
	       "// Until the blanks are filled in, some variables are not used yet.\n"
	       "#pragma GCC diagnostic ignored \"-Wunused-parameter\"\n"
	       "#pragma GCC diagnostic ignored \"-Wunused-variable\"\n"
	       "#pragma GCC diagnostic ignored \"-Wunused-but-set-variable\"\n"
	       "#pragma GCC diagnostic ignored \"-Wunused-but-set-parameter\"\n");
	emit(src, cut, strlen(src), b, nb);
	emit_todo(b, nb);
	free(src);
	free(spec);
	return 0;
}
