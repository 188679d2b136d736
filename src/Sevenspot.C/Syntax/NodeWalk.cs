using System.Buffers;
using System.Collections;

namespace Sevenspot.C;

/// <summary>
/// A node and every node below it, in pre-order, without recursion (see
/// <see cref="SyntaxNode.DescendantNodesAndSelf"/>). PERF: a struct with a struct enumerator whose
/// stack is a pooled array, so that a foreach over a whole file (done per file by the rule runner,
/// the #define bodies and the checks) allocates nothing and makes no interface call per node.
/// </summary>
public readonly struct NodeWalk : IEnumerable<SyntaxNode>
{
    private readonly SyntaxTree _tree;
    private readonly int _start;

    internal NodeWalk(SyntaxTree tree, int start)
    {
        _tree = tree;
        _start = start;
    }

    public Enumerator GetEnumerator() => new(_tree, _start);

    IEnumerator<SyntaxNode> IEnumerable<SyntaxNode>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Walks the nodes; disposing it gives its stack back to the pool.</summary>
    public struct Enumerator : IEnumerator<SyntaxNode>
    {
        private readonly SyntaxTree _tree;
        private int[]? _stack;
        private int _count;
        private int _current;

        internal Enumerator(SyntaxTree tree, int start)
        {
            _tree = tree;
            _stack = ArrayPool<int>.Shared.Rent(64);
            _stack[0] = start;
            _count = 1;
            _current = -1;
        }

        public readonly SyntaxNode Current => new(_tree, _current);

        readonly object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            if (_count == 0)
            {
                return false;
            }

            int n = _stack![--_count];
            _current = n;
            var nodes = _tree.Nodes;
            var children = _tree.Children;
            ref var d = ref nodes[n];
            if (_count + d.ChildCount > _stack.Length)
            {
                var larger = ArrayPool<int>.Shared.Rent(Math.Max(_stack.Length * 2, _count + d.ChildCount));
                _stack.AsSpan(0, _count).CopyTo(larger);
                ArrayPool<int>.Shared.Return(_stack);
                _stack = larger;
            }

            // Children pushed last to first, so the first child is walked next.
            for (int i = d.ChildStart + d.ChildCount - 1; i >= d.ChildStart; i--)
            {
                int r = children[i];
                if (ChildRef.IsNode(r))
                {
                    _stack[_count++] = ChildRef.NodeIndex(r);
                }
            }

            return true;
        }

        public void Reset() => throw new NotSupportedException();

        public void Dispose()
        {
            if (_stack is not null)
            {
                ArrayPool<int>.Shared.Return(_stack);
                _stack = null;
                _count = 0;
            }
        }
    }
}
