struct msg_define_after_last {
	long len;
	char data[0];
#define MSG_F_URG 1
};

struct msg_plain {
	long len;
	char data[0];
};

struct msg_define_between {
	long len;
#define MSG_F_ACK 2
	char data[0];
};

struct msg_ifdef_after_last {
	long len;
	char data[0];
#ifdef CONFIG_MSG_DEBUG
#endif
};

struct msg_comment_after_last {
	long len;
	char data[0];
	/* payload follows */
};

struct msg_define_before_first {
#define MSG_F_FIN 4
	long len;
	char data[0];
};

long sizes[] = { 8, 16, 32,
#define MSG_MAX 3
};
