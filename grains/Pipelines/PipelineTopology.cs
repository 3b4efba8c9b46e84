namespace MolDash.Grains.Pipelines;

/// <summary>The shape of a pipeline's graph, over node indexes: its cycles and its disconnected parts.</summary>
public static class PipelineTopology
{
    /// <summary>
    /// Every cycle a depth-first walk along the edges closes, each as the index of the edge that closes it
    /// and its node indexes in data-flow order, the first repeated last.
    /// </summary>
    public static List<(int Edge, List<int> Nodes)> FindCycles(int nodeCount, IReadOnlyList<(int From, int To, int Edge)> edges)
    {
        var downstream = Downstream(nodeCount, edges);
        var state = new byte[nodeCount];
        var path = new List<int>();
        var cycles = new List<(int, List<int>)>();
        for (var start = 0; start < nodeCount; start++)
        {
            if (state[start] != 0)
            {
                continue;
            }

            // An explicit stack: a long chain must not exhaust the grain thread's stack.
            var stack = new Stack<(int Node, int Next)>();
            stack.Push((start, 0));
            state[start] = 1;
            path.Add(start);
            while (stack.Count > 0)
            {
                var (node, next) = stack.Pop();
                if (next < downstream[node].Count)
                {
                    stack.Push((node, next + 1));
                    var (target, edge) = downstream[node][next];
                    if (state[target] == 1)
                    {
                        var cycle = path[path.LastIndexOf(target)..];
                        cycle.Add(target);
                        cycles.Add((edge, cycle));
                    }
                    else if (state[target] == 0)
                    {
                        state[target] = 1;
                        path.Add(target);
                        stack.Push((target, 0));
                    }
                }
                else
                {
                    state[node] = 2;
                    path.RemoveAt(path.Count - 1);
                }
            }
        }

        return cycles;
    }

    /// <summary>
    /// The node indexes outside the main part of the graph: with links (edges, shared inputs) taken as
    /// undirected, the largest connected part is the pipeline (ties: the one holding the first node);
    /// every node of any other part runs apart from it.
    /// </summary>
    public static List<int> Disconnected(int nodeCount, IEnumerable<(int A, int B)> links)
    {
        var parent = Enumerable.Range(0, nodeCount).ToArray();
        int Root(int node)
        {
            while (parent[node] != node)
            {
                node = parent[node] = parent[parent[node]];
            }

            return node;
        }

        foreach (var (a, b) in links)
        {
            parent[Root(a)] = Root(b);
        }

        var sizes = new int[nodeCount];
        for (var node = 0; node < nodeCount; node++)
        {
            sizes[Root(node)]++;
        }

        var main = -1;
        for (var node = 0; node < nodeCount; node++)
        {
            var root = Root(node);
            if (main < 0 || sizes[root] > sizes[main])
            {
                main = root;
            }
        }

        return [.. Enumerable.Range(0, nodeCount).Where(node => Root(node) != main)];
    }

    private static List<(int Target, int Edge)>[] Downstream(int nodeCount, IReadOnlyList<(int From, int To, int Edge)> edges)
    {
        var downstream = new List<(int, int)>[nodeCount];
        for (var i = 0; i < nodeCount; i++)
        {
            downstream[i] = [];
        }

        foreach (var (from, to, edge) in edges)
        {
            downstream[from].Add((to, edge));
        }

        return downstream;
    }
}
