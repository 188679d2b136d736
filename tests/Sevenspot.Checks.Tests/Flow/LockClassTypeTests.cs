namespace Sevenspot.Checks.Tests.Flow;

/// <summary>
/// Lock classes of struct fields take the owner's type from the file's type annotation: through
/// typedefs, array elements and block scopes, where a reading of declarations alone saw nothing.
/// </summary>
public sealed class LockClassTypeTests
{
    private static string? ClassHeldAtSleep(string code)
    {
        var states = FlowTestHelper.StatesBeforeCalls(code, "f");
        return Assert.Single(states["msleep#1"].Must).Class;
    }

    [Fact]
    public void ATypedefOfAStructPointerNamesTheStruct()
    {
        Assert.Equal("struct chip.lock (test.c)", ClassHeldAtSleep(
            """
            struct chip { spinlock_t lock; };
            typedef struct chip chip_t;
            void f(chip_t *c)
            {
                spin_lock(&c->lock);
                msleep(1);
                spin_unlock(&c->lock);
            }
            """));
    }

    [Fact]
    public void AnArrayElementHasItsElementType()
    {
        Assert.Equal("struct ring.lock (test.c)", ClassHeldAtSleep(
            """
            struct ring { spinlock_t lock; };
            struct nic { struct ring rings[4]; };
            void f(struct nic *n, int i)
            {
                spin_lock(&n->rings[i].lock);
                msleep(1);
                spin_unlock(&n->rings[i].lock);
            }
            """));
    }

    [Fact]
    public void ANameRedeclaredInAnInnerBlockHasTheInnerType()
    {
        Assert.Equal("struct port.lock", ClassHeldAtSleep(
            """
            void f(struct card *p)
            {
                if (p->ports) {
                    struct port *p = first_port();
                    spin_lock(&p->lock);
                    msleep(1);
                    spin_unlock(&p->lock);
                }
            }
            """));
    }

    [Fact]
    public void AGlobalDefinedAfterItsUseHasItsDefinitionsType()
    {
        // The header's extern declares it before the use in the real program.
        Assert.Equal("struct registry.lock", ClassHeldAtSleep(
            """
            void f(void)
            {
                spin_lock(&the_registry->lock);
                msleep(1);
                spin_unlock(&the_registry->lock);
            }
            struct registry *the_registry;
            """));
    }

    [Fact]
    public void AnOwnerOfUnknownTypeGivesNoClass()
    {
        Assert.Null(ClassHeldAtSleep(
            """
            void f(void)
            {
                spin_lock(&lookup_chip()->lock);
                msleep(1);
                spin_unlock(&lookup_chip()->lock);
            }
            """));
    }
}
