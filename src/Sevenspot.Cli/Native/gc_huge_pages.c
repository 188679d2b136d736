/*
 * Linked into the native (ahead-of-time) build only: the collector's heap on transparent huge pages.
 *
 * The collector reserves one large range for its heap (PROT_NONE), then makes it usable 64 KB at a
 * time (mprotect, and madvise MADV_DODUMP for core dumps), so the kernel never finds a whole 2 MB of
 * usable, alike memory and every page of the heap costs a page fault of its own when first written:
 * about 50,000 for one heavy rule over a tree, each expensive on a virtual machine. Here the
 * reservation is made readable and writable at once (MAP_NORESERVE: nothing is charged until it is
 * written) and asked for huge pages (MADV_HUGEPAGE, honoured with the kernel's "madvise" setting);
 * the dump flags are left alone inside it, so the range stays one mapping. The collector's own
 * mprotect then changes nothing, its decommits (mmap PROT_NONE over a part) still give memory back,
 * and a page is still allocated only when written. Set SEVENSPOT_GC_HUGE_PAGES=0 to turn it off.
 *
 * These definitions of mmap64/mmap and madvise take the place of the C library's for the runtime
 * linked into this executable; every other call goes to the kernel unchanged.
 */
#define _GNU_SOURCE
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

/* The collector's reservation is 256 GB by default; nothing else in the process asks for this much. */
#define HEAP_RESERVATION_MIN ((size_t)64 << 30)

static uintptr_t heap_start;
static uintptr_t heap_end;

static int huge_pages_wanted(void)
{
    const char *setting = getenv("SEVENSPOT_GC_HUGE_PAGES");
    return setting == NULL || strcmp(setting, "0") != 0;
}

static void *kernel_mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset)
{
    return (void *)syscall(SYS_mmap, addr, length, prot, flags, fd, offset);
}

void *mmap64(void *addr, size_t length, int prot, int flags, int fd, off_t offset)
{
    if (heap_start == 0 && addr == NULL && prot == PROT_NONE && (flags & MAP_ANONYMOUS) != 0
        && (flags & MAP_FIXED) == 0 && length >= HEAP_RESERVATION_MIN && huge_pages_wanted())
    {
        void *heap = kernel_mmap(NULL, length, PROT_READ | PROT_WRITE, flags | MAP_NORESERVE, -1, 0);
        if (heap != MAP_FAILED)
        {
            syscall(SYS_madvise, heap, length, MADV_HUGEPAGE);
            heap_start = (uintptr_t)heap;
            heap_end = heap_start + length;
            return heap;
        }
        /* Refused (strict overcommit, say): the reservation as the collector asked for it. */
    }

    return kernel_mmap(addr, length, prot, flags, fd, offset);
}

void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset)
{
    return mmap64(addr, length, prot, flags, fd, offset);
}

int madvise(void *addr, size_t length, int advice)
{
    uintptr_t start = (uintptr_t)addr;
    if ((advice == MADV_DODUMP || advice == MADV_DONTDUMP) && heap_start != 0
        && start >= heap_start && start + length <= heap_end)
    {
        return 0;
    }

    return (int)syscall(SYS_madvise, addr, length, advice);
}
