#pragma pack(1)
struct s { int a; };
#pragma pack()
#pragma once
int x;
