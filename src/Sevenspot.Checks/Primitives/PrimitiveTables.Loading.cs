namespace Sevenspot.Checks.Primitives;

public sealed partial class PrimitiveTables
{
    private void Add(string table, PrimitiveLine line)
    {
        switch (table)
        {
            case "sleeping":
                AddSleeping(line);
                break;
            case "gfp":
                AddGfp(line);
                break;
            case "allocators":
                AddAllocator(line);
                break;
            case "frees":
                AddFree(line);
                break;
            case "locks":
                AddLock(line);
                break;
            case "lists":
                AddListOperation(line);
                break;
            case "refcounts":
                AddRefcount(line);
                break;
            case "task-iterators":
                AddTaskIterator(line);
                break;
            case "guarded-fields":
                AddGuardedField(line);
                break;
            case "bitops":
                AddBitOperation(line);
                break;
            default:
                throw new PrimitiveTableException($"{line.File}: unknown table '{table}' (expected one of: {string.Join(", ", TableNames)})");
        }
    }

    private void AddSleeping(PrimitiveLine line)
    {
        line.Validate(0, [], ["why"]);
        var reason = line.Get("why") switch
        {
            null or "sleeps" => SleepReason.Sleeps,
            "faults" => SleepReason.Faults,
            "locks" => SleepReason.Locks,
            "waits" => SleepReason.Waits,
            "allocates" => SleepReason.Allocates,
            var other => throw line.Error($"why= must be sleeps, faults, locks, waits or allocates, not '{other}'"),
        };
        AddUnique(_sleeping, line, new SleepingFunction(line.Name, reason));
    }

    private void AddGfp(PrimitiveLine line)
    {
        line.Validate(1, [], []);
        var cls = line.Word(0, "class") switch
        {
            "sleeping" => GfpClass.Sleeping,
            "atomic" => GfpClass.Atomic,
            "modifier" => GfpClass.Modifier,
            var other => throw line.Error($"class must be sleeping, atomic or modifier, not '{other}'"),
        };
        if (line.Words.Count > 1)
        {
            throw line.Error($"unexpected '{line.Words[1]}'");
        }

        AddUnique(_gfp, line, cls);
    }

    private void AddAllocator(PrimitiveLine line)
    {
        line.Validate(0, ["zeroes", "sleeps"], ["gfp", "size", "zeroing"]);
        int size = -1, factor = -1;
        if (line.Get("size") is { } sizeText)
        {
            string[] parts = sizeText.Split('*');
            if (parts.Length > 2 || !int.TryParse(parts[0], out size) || (parts.Length == 2 && !int.TryParse(parts[1], out factor)) || size < 0)
            {
                throw line.Error($"size= must be N or N*M, not '{sizeText}'");
            }
        }

        bool zeroes = line.HasFlag("zeroes");
        string? zeroing = line.Get("zeroing");
        if (zeroes && zeroing is not null)
        {
            throw line.Error("an allocator that zeroes has no zeroing variant");
        }

        AddUnique(_allocators, line, new Allocator(line.Name, line.GetIndex("gfp"), size, factor, zeroing, zeroes, line.HasFlag("sleeps")));
    }

    private void AddFree(PrimitiveLine line)
    {
        line.Validate(0, ["deferred"], ["arg"]);
        int arg = line.GetIndex("arg");
        if (arg < 0)
        {
            throw line.Error("missing arg=N");
        }

        AddUnique(_frees, line, new FreeFunction(line.Name, arg, line.HasFlag("deferred")));
    }

    private void AddLock(PrimitiveLine line)
    {
        line.Validate(2, ["nested", "waits"], ["arg", "bit", "class", "try", "unlock-arg", "guard"]);
        string release = line.Word(0, "release function");
        if (!LockKindFacts.TryParse(line.Word(1, "kind"), out var kind))
        {
            throw line.Error($"unknown lock kind '{line.Words[1]}'");
        }

        string? section = _acquires.TryGetValue(line.Name, out var earlier) && earlier.Count > 0 ? earlier[0].Section : null;
        var primitive = new LockPrimitive(line.Name, release, kind, line.GetIndex("arg"), line.GetIndex("bit"), line.Get("class"), ParseSuccess(line), line.HasFlag("nested", 2), line.GetIndex("unlock-arg"), section, line.HasFlag("waits", 2));
        AddToList(_acquires, line.Name, primitive, line, p => p.Release == release);
        AddToList(_releases, release, primitive, line, p => p.Acquire == line.Name);
        if (line.Get("guard") is { } guard && !_guards.TryAdd(guard, primitive))
        {
            throw line.Error($"guard class '{guard}' is listed twice");
        }
    }

    private void AddListOperation(PrimitiveLine line)
    {
        line.Validate(1, [], ["entry", "field"]);
        var kind = line.Word(0, "operation") switch
        {
            "add" => ListOperationKind.Add,
            "del" => ListOperationKind.Delete,
            "del-init" => ListOperationKind.DeleteInit,
            "move" => ListOperationKind.Move,
            "test" => ListOperationKind.Test,
            "get" => ListOperationKind.Get,
            var other => throw line.Error($"operation must be add, del, del-init, move, test or get, not '{other}'"),
        };
        if (line.Words.Count > 1)
        {
            throw line.Error($"unexpected '{line.Words[1]}'");
        }

        int entry = line.GetIndex("entry");
        AddUnique(_lists, line, new ListOperation(line.Name, kind, entry < 0 ? 0 : entry, line.GetIndex("field")));
    }

    private void AddRefcount(PrimitiveLine line)
    {
        line.Validate(1, ["returns"], ["arg", "try", "release", "key"]);
        string put = line.Word(0, "put function");
        int arg = line.GetIndex("arg");
        bool returns = line.HasFlag("returns", 1);
        if ((arg >= 0) == returns)
        {
            throw line.Error("a get either takes arg=N or returns a reference, exactly one of them");
        }

        var (keyArgument, keyField) = ParseKey(line, returns);
        var pair = new RefcountPair(line.Name, put, arg, returns, ParseSuccess(line), line.GetIndex("release"), keyArgument, keyField);
        AddToList(_gets, line.Name, pair, line, p => p.Put == put);
        AddToList(_puts, put, pair, line, p => p.Get == line.Name);
    }

    /// <summary>key=N:FIELD: the lookup's argument N fixes FIELD of the object it returns.</summary>
    private static (int Argument, string? Field) ParseKey(PrimitiveLine line, bool returns)
    {
        if (line.Get("key") is not { } value)
        {
            return (-1, null);
        }

        int colon = value.IndexOf(':', StringComparison.Ordinal);
        if (!returns || colon <= 0 || colon == value.Length - 1
            || !int.TryParse(value.AsSpan(0, colon), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int argument))
        {
            throw line.Error($"key= needs ARGUMENT:FIELD on a get that returns a reference, not '{value}'");
        }

        return (argument, value[(colon + 1)..]);
    }

    private void AddTaskIterator(PrimitiveLine line)
    {
        line.Validate(1, [], ["end", "needs"]);
        var form = line.Word(0, "form") switch
        {
            "loop" => TaskIteratorForm.Loop,
            "begin" => TaskIteratorForm.Begin,
            var other => throw line.Error($"form must be loop or begin, not '{other}'"),
        };
        string? end = line.Get("end");
        if ((form == TaskIteratorForm.Begin) != (end is not null))
        {
            throw line.Error("begin needs end=NAME, and only begin has one");
        }

        string needs = line.Get("needs") ?? throw line.Error("missing needs=");
        var protections = needs.Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (protections.Length == 0 || protections.Any(p => p.StartsWith("field:", StringComparison.Ordinal) && p.Length == "field:".Length))
        {
            throw line.Error($"needs= must list protections (rcu, a lock class, field:NAME), not '{needs}'");
        }

        var iterator = new TaskIterator(line.Name, form, end, protections);
        AddUnique(_taskIterators, line, iterator);
        if (end is not null)
        {
            _taskIteratorEnds[end] = iterator;
        }
    }

    private void AddGuardedField(PrimitiveLine line)
    {
        line.Validate(0, [], ["struct", "lock"]);
        var field = new GuardedField(line.Name, line.Get("struct") ?? throw line.Error("missing struct="), line.Get("lock") ?? throw line.Error("missing lock="));
        AddToList(_guardedFields, line.Name, field, line, f => f.Struct == field.Struct);
    }

    private void AddBitOperation(PrimitiveLine line)
    {
        line.Validate(1, ["ordered"], ["fix"]);
        var role = line.Word(0, "role") switch
        {
            "test-and-set" => BitOperationRole.TestAndSet,
            "clear" => BitOperationRole.Clear,
            "barrier" => BitOperationRole.Barrier,
            "plain" => BitOperationRole.Plain,
            "store" => BitOperationRole.Store,
            var other => throw line.Error($"role must be test-and-set, clear, barrier, plain or store, not '{other}'"),
        };
        bool ordered = line.HasFlag("ordered", 1);
        string? fix = line.Get("fix");
        if (ordered && fix is not null)
        {
            throw line.Error("an ordered operation needs no fix");
        }

        AddUnique(_bitOperations, line, new BitOperation(line.Name, role, ordered, fix));
    }

    private static SuccessTest ParseSuccess(PrimitiveLine line) => line.Get("try") switch
    {
        null => SuccessTest.Always,
        "nonzero" => SuccessTest.NonZero,
        "zero" => SuccessTest.Zero,
        var other => throw line.Error($"try= must be nonzero or zero, not '{other}'"),
    };

    private static void AddUnique<T>(Dictionary<string, T> table, PrimitiveLine line, T value)
    {
        if (!table.TryAdd(line.Name, value))
        {
            throw line.Error($"'{line.Name}' is listed twice");
        }
    }

    private static void AddToList<T>(Dictionary<string, List<T>> table, string key, T value, PrimitiveLine line, Func<T, bool> duplicate)
    {
        if (!table.TryGetValue(key, out var list))
        {
            table[key] = list = [];
        }

        if (list.Any(duplicate))
        {
            throw line.Error($"'{line.Name}' is listed twice with the same partner");
        }

        list.Add(value);
    }

    /// <summary>Cross-table consistency: names one table refers to must exist in the table they point at.</summary>
    private void Validate()
    {
        foreach (var allocator in _allocators.Values)
        {
            if (allocator.ZeroingVariant is { } z && !_allocators.ContainsKey(z))
            {
                throw new PrimitiveTableException($"allocators: zeroing variant '{z}' of '{allocator.Name}' is not an allocator");
            }
        }

        foreach (var field in _guardedFields.Values.SelectMany(l => l))
        {
            if (!_acquires.ContainsKey(field.Lock))
            {
                throw new PrimitiveTableException($"guarded-fields: lock '{field.Lock}' of field '{field.Field}' is not in locks");
            }
        }
    }
}
