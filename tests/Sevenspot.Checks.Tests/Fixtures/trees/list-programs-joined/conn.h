/* SPDX-License-Identifier: GPL-2.0 */
struct conn;

struct conn *conn_create(int id);
void conn_release(struct conn *c);
int conn_start(struct conn *c);
