/* Sets the locale the environment asks for (LANG, LC_ALL) and prints a word with a non-ASCII letter
 * through the wide-character API: without the locale's files setlocale() returns NULL. */
#include <locale.h>
#include <stdio.h>
#include <wchar.h>

int main(void) {
  const char *name = setlocale(LC_ALL, "");
  if (!name) {
    fputs("set-locale: cannot set the locale from the environment\n", stderr);
    return 1;
  }
  printf("locale %s: %ls\n", name, L"na\u00efve");
  return 0;
}
