using Sevenspot.C;
using Sevenspot.Checks.Flow;

namespace Sevenspot.Checks;

/// <summary>
/// freed-while-linked: forward dataflow of the list links a function made and has not undone
/// (<see cref="ListLinks"/>, through the <see cref="ListSummaries"/> of its file's functions); a
/// free of an object one of whose links is made on every path to it is reported — a free
/// primitive, or a function that frees its argument without unlinking that link. Over the tree,
/// with the summaries of the non-static functions of other files of the same program: a create of
/// another file whose returned object is linked, then a free here; a link here, then a release of
/// another file that frees without unlinking; and no finding when a function of another file the
/// object was passed to on the way may unlink it.
/// </summary>
public sealed class FreedWhileLinkedCheck : TreeCheck<FreedWhileLinkedFacts>
{
    public override CheckDescriptor Descriptor => CheckDescriptors.FreedWhileLinked;

    public override bool NeedsFlowGraphs => true;

    public override bool NeedsPrograms => true;

    protected override FreedWhileLinkedFacts? CollectFacts(FileContext file)
    {
        var summaries = ListSummaries.Of(file);
        var frees = new List<PendingFree>();
        foreach (var function in file.Functions)
        {
            if (!Links(file, summaries, function) || file.GetFlowGraph(function) is not { } graph)
            {
                continue;
            }

            var analysis = new ListLinks(file, summaries, external: true, function);
            var result = ForwardDataflow.Solve<KeyedFacts, ListLinks>(graph, analysis);
            if (!result.Converged)
            {
                continue;
            }

            var visitor = new Visitor(file, function, frees);
            for (int node = 0; node < graph.NodeCount; node++)
            {
                if (result.IsReached(node))
                {
                    analysis.Run(graph, node, result.In(node), visitor);
                }
            }
        }

        var exported = new List<ListFunctionSummary>();
        var others = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var function in file.Functions)
        {
            // A name defined twice (both arms of an #ifdef) has one summary, of both definitions.
            string name = FunctionCensus.NameOf(function);
            if (SleepInAtomicCheck.IsStatic(function) || !seen.Add(name))
            {
                continue;
            }

            if (summaries.Local(name) is { } summary && (summary.ReturnsLinked.Length > 0 || Array.Exists(summary.Frees, f => f) || Array.Exists(summary.Unlinks, u => u.Length > 0)))
            {
                exported.Add(summary);
            }
            else
            {
                others.Add(file.Name(name));
            }
        }

        return frees.Count == 0 && exported.Count == 0 && others.Count == 0 ? null : new FreedWhileLinkedFacts(file.Path, [.. exported], [.. others], frees);
    }

    protected override void Analyze(IReadOnlyList<FreedWhileLinkedFacts> facts, TreeContext tree, FindingSink sink)
    {
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in facts)
        {
            foreach (var free in file.Frees)
            {
                if (free.Creator is { } creator)
                {
                    wanted.Add(creator);
                }

                if (free.FreedBy is { } by)
                {
                    wanted.Add(by.Callee);
                }

                foreach (var (callee, _) in free.Handed)
                {
                    wanted.Add(callee);
                }
            }
        }

        // Every definition of a wanted name, those that do nothing to lists included: a call binds
        // to the definitions of its own program (FunctionIndex), not to another's that has a summary.
        var definitions = new List<ListFunctionSummary>();
        foreach (var file in facts)
        {
            foreach (var summary in file.Exported)
            {
                if (wanted.Contains(summary.Name))
                {
                    definitions.Add(summary);
                }
            }

            foreach (string other in file.Others)
            {
                if (wanted.Contains(other))
                {
                    definitions.Add(new ListFunctionSummary(other, file.Path, false, [], [], [], [], false));
                }
            }
        }

        var index = new FunctionIndex<ListFunctionSummary>(
            definitions, d => d.Name, d => d.Path, _ => false, tree.Programs.Same);
        foreach (var file in facts)
        {
            foreach (var free in file.Frees)
            {
                if (Resolve(free, index) is { } finding)
                {
                    sink.Report(finding);
                }
            }
        }
    }

    // The finding a pending free makes once the functions of other files it depends on are known.
    private Finding? Resolve(PendingFree free, FunctionIndex<ListFunctionSummary> index)
    {
        string path = free.Location.Path;
        IEnumerable<string> members = free.Members;
        if (free.Creator is { } creator)
        {
            // Every definition the call may reach must return the object linked by the same members.
            var creators = index.Resolve(creator, path);
            if (creators.Count == 0)
            {
                return null;
            }

            members = creators.Select(c => (IEnumerable<string>)c.ReturnsLinked).Aggregate((a, b) => a.Intersect(b, StringComparer.Ordinal));
        }

        if (free.FreedBy is var (callee, argument))
        {
            var releases = index.Resolve(callee, path);
            if (releases.Count == 0 || !releases.All(r => r.FreesAt(argument)))
            {
                return null;
            }

            members = members.Where(m => !releases.Any(r => r.UnlinksAt(argument).Contains(m, StringComparer.Ordinal)));
        }

        foreach (var (other, at) in free.Handed)
        {
            var unlinkers = index.Resolve(other, path);
            members = members.Where(m => !unlinkers.Any(u => u.UnlinksAt(at).Length > 0));
        }

        if (members.FirstOrDefault() is not { } member)
        {
            return null;
        }

        string link = member.Length == 0 ? free.ObjectText : $"{free.ObjectText}->{member}";
        string by = free.FreedBy is var (name, _) ? $"{name}(), which frees it and does not unlink {link}," : $"{free.FreeName}()";
        string linker = free.Creator is { } made ? $"{made}() at line {free.LinkLocation.Start.Line} returned it linked" : $"{free.LinkNote}() at line {free.LinkLocation.Start.Line} linked it";
        return new Finding(
            Descriptor,
            free.Location,
            $"{free.ObjectText} is freed by {by} while {link} is still on a list: {linker}, and nothing unlinks it on the way here",
            [new RelatedLocation(free.LinkLocation, $"{link} linked here")]);
    }

    // Functions that link, or call a function of the file that links, or free what a function of
    // another file returned (x = create(...); ... kfree(x);).
    private static bool Links(FileContext file, ListSummaries summaries, SyntaxNode function)
    {
        HashSet<string>? freed = null;
        foreach (var call in SyntaxHelpers.Calls(function.AsFunctionDefinition().Body))
        {
            if (SyntaxHelpers.CalleeName(call) is not { } name)
            {
                continue;
            }

            if (file.Primitives.FindListOperation(name) is { Kind: Primitives.ListOperationKind.Add or Primitives.ListOperationKind.Move })
            {
                return true;
            }

            if (summaries.Local(name) is { } callee && (callee.ReturnsLinked.Length > 0 || Array.Exists(callee.StaysLinked, m => m.Length > 0)))
            {
                return true;
            }

            if (summaries.FreedObject(file.Primitives, call) is { } obj)
            {
                (freed ??= new HashSet<string>(StringComparer.Ordinal)).Add(obj);
            }
        }

        if (freed is null)
        {
            return false;
        }

        foreach (var node in function.AsFunctionDefinition().Body.DescendantNodesAndSelf())
        {
            if (node.Kind is SyntaxKind.AssignmentExpression or SyntaxKind.InitDeclarator && ListLinks.Assigned(node) is (var target, { } value)
                && freed.Contains(target) && SyntaxHelpers.StripParenthesesAndCasts(value) is { Kind: SyntaxKind.CallExpression } made
                && SyntaxHelpers.CalleeName(made) is { } creator && !summaries.Defines(creator) && !file.Primitives.IsPrimitive(creator))
            {
                return true;
            }
        }

        return false;
    }

    private sealed class Visitor(FileContext file, SyntaxNode function, List<PendingFree> frees) : IListLinkVisitor
    {
        private List<HandedCall>? _externalCalls;

        public void Freed(SyntaxNode call, string obj, SyntaxNode argument, string name, ListFunctionSummary? via, KeyedFacts state)
        {
            string text = SyntaxHelpers.Text(SyntaxHelpers.StripParenthesesAndCasts(argument));
            foreach (var (key, fact) in state.Must)
            {
                if (ListEntry.ObjectOfKey(key) != obj)
                {
                    continue;
                }

                string member = ListEntry.MemberOfKey(key);
                bool external = ListEntry.IsExternal(member);
                if (external && via is not null)
                {
                    continue;
                }

                frees.Add(new PendingFree(
                    file.LocateCompact(call), text, file.Name(name), external ? [] : [member], fact.Location, file.Name(fact.Note),
                    external ? file.Name(member[1..]) : null, null, HandedElsewhere(obj)));
                return;
            }
        }

        public void External(SyntaxNode call, string callee, KeyedFacts state)
        {
            var arguments = SyntaxHelpers.Arguments(call);
            for (int i = 0; i < arguments.Count; i++)
            {
                string obj = SyntaxHelpers.Key(SyntaxHelpers.StripParenthesesAndCasts(arguments[i]));
                string[] members = ListSummaries.MembersOf(state, obj);
                if (members.Length == 0)
                {
                    continue;
                }

                var fact = state.Must.First(f => ListEntry.ObjectOfKey(f.Key) == obj && !ListEntry.IsExternal(ListEntry.MemberOfKey(f.Key))).Value;
                frees.Add(new PendingFree(
                    file.LocateCompact(call), SyntaxHelpers.Text(SyntaxHelpers.StripParenthesesAndCasts(arguments[i])), file.Name(callee), members,
                    fact.Location, file.Name(fact.Note), null, (file.Name(callee), i), HandedElsewhere(obj, call)));
            }
        }

        // The calls of the function that pass the object to a function of another file, which may unlink it.
        private (string Callee, int Index)[] HandedElsewhere(string obj, SyntaxNode? but = null)
        {
            if (_externalCalls is null)
            {
                var summaries = ListSummaries.Of(file);
                _externalCalls = [];
                foreach (var call in SyntaxHelpers.Calls(function.AsFunctionDefinition().Body))
                {
                    if (SyntaxHelpers.CalleeName(call) is not { } callee || summaries.Defines(callee) || file.Primitives.IsPrimitive(callee))
                    {
                        continue;
                    }

                    var arguments = SyntaxHelpers.Arguments(call);
                    for (int i = 0; i < arguments.Count; i++)
                    {
                        _externalCalls.Add(new HandedCall(file.Name(callee), i, SyntaxHelpers.Key(SyntaxHelpers.StripParenthesesAndCasts(arguments[i])), call.Span.Start));
                    }
                }
            }

            var handed = new List<(string, int)>();
            foreach (var call in _externalCalls)
            {
                if (call.Object == obj && (but is not { } skip || call.Start != skip.Span.Start))
                {
                    handed.Add((call.Callee, call.Index));
                }
            }

            return [.. handed];
        }
    }

    private sealed record HandedCall(string Callee, int Index, string Object, int Start);
}

/// <summary>
/// A free of a linked object found in one function, waiting for what functions of other files do:
/// <see cref="Members"/> are the links made here; <see cref="Creator"/> names the function of another
/// file whose returned object was freed (its links are its summary's); <see cref="FreedBy"/> the
/// function of another file the linked object was passed to (a finding only if it frees that
/// argument without unlinking); <see cref="Handed"/> the other calls of functions of other files
/// that were passed the object and may have unlinked it.
/// </summary>
public sealed record PendingFree(
    SourceLocation Location,
    string ObjectText,
    string FreeName,
    string[] Members,
    SourceLocation LinkLocation,
    string LinkNote,
    string? Creator,
    (string Callee, int Index)? FreedBy,
    (string Callee, int Index)[] Handed);

/// <summary>
/// One file's pending frees, the summaries of its non-static functions that create, unlink or free,
/// and its other non-static functions by name.
/// </summary>
public sealed record FreedWhileLinkedFacts(string Path, ListFunctionSummary[] Exported, string[] Others, IReadOnlyList<PendingFree> Frees);
