using System.Text;
using AngleSharp.Dom;

namespace Book;

/// <summary>The print page: every chapter in order on one page.</summary>
/// <remarks>
/// Chapters reuse heading ids (every chapter may have a "Tests" section), so on this page each id is prefixed with
/// its chapter's slug, and links are rewritten to match: <c>#merge</c> in <c>03-sorted</c> becomes
/// <c>#03-sorted--merge</c>, <c>04-tries.html#merge</c> becomes <c>#04-tries--merge</c>.
/// </remarks>
internal static class PrintPage
{
    /// <summary>Renders the print page's article from the chapters' parsed articles.</summary>
    public static string Article(IReadOnlyList<Chapter> chapters, IReadOnlyDictionary<string, IElement> articles)
    {
        var slugs = chapters.ToDictionary(static c => c.PageName, static c => c.Slug);
        var html = new StringBuilder();
        foreach (var chapter in chapters)
        {
            var article = (IElement)articles[chapter.FullPath].Clone(deep: true);
            foreach (var element in article.QuerySelectorAll("[id]"))
            {
                element.Id = $"{chapter.Slug}--{element.Id}";
            }

            foreach (var link in article.QuerySelectorAll("a[href]"))
            {
                var href = link.GetAttribute("href")!;
                var (path, anchor) = LinkTarget.Split(href);
                if (LinkTarget.IsExternal(href))
                {
                    continue;
                }

                var slug = path.Length == 0 ? chapter.Slug : slugs.GetValueOrDefault(path);
                if (slug is not null)
                {
                    link.SetAttribute("href", anchor.Length > 1 ? $"#{slug}--{anchor[1..]}" : $"#{slug}");
                }
            }

            html.Append("<section class=\"print-chapter\" id=\"").Append(chapter.Slug).Append("\">\n")
                .Append(article.InnerHtml).Append("\n</section>\n");
        }

        return html.ToString();
    }
}
