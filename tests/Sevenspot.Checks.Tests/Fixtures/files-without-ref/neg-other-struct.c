// SPDX-License-Identifier: GPL-2.0
/* A field called files in some other struct. */

struct archive {
	int files;
	int dirs;
};

int archive_entries(struct archive *a)
{
	return a->files + a->dirs;
}
