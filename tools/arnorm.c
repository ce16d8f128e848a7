/* arnorm.c - being written. */
#include "config.h"
#include "cli.h"
int main(int argc, char **argv)
{
	(void)argc;
	cli_init(argv[0]);
	cli_error("not implemented yet");
	return CLI_TROUBLE;
}
