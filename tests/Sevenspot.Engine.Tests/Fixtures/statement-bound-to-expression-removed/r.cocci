@found@
statement st;
expression val;
@@
probe(val)@st

@@
statement found.st;
@@
- st
