#include "store/change_tags.h"

namespace gazette::store {
namespace {

std::string Tagged(const char* prefix, int64_t id) { return prefix + std::to_string(id); }

bool IsPublished(const content::Article* article) {
  return article != nullptr && article->status == content::ArticleStatus::kPublished;
}

// Whether both states sit in the same lists at the same place.
bool SameListPlaces(const content::Article& a, const content::Article& b) {
  return a.section_id == b.section_id && a.author_ids == b.author_ids && a.tag_ids == b.tag_ids &&
         a.partner_id == b.partner_id && a.published_at == b.published_at;
}

}  // namespace

std::string SiteTag() { return "site"; }
std::string ArticleTag(int64_t article_id) { return Tagged("article:", article_id); }
std::string AllListTag() { return "list:all"; }
std::string AnyArticleTag() { return "article:any"; }
std::string SectionListTag(int64_t section_id) { return Tagged("list:section:", section_id); }
std::string AuthorListTag(int64_t author_id) { return Tagged("list:author:", author_id); }
std::string TermListTag(int64_t tag_id) { return Tagged("list:tag:", tag_id); }
std::string PartnerListTag(int64_t partner_id) { return Tagged("list:partner:", partner_id); }
std::string RelatedTag(int64_t article_id) { return Tagged("related:", article_id); }

void AppendListTags(const content::Article& article, std::vector<std::string>& tags) {
  tags.push_back(AllListTag());
  tags.push_back(SectionListTag(article.section_id));
  for (int64_t id : article.author_ids) tags.push_back(AuthorListTag(id));
  for (int64_t id : article.tag_ids) tags.push_back(TermListTag(id));
  if (article.partner_id) tags.push_back(PartnerListTag(*article.partner_id));
}

std::vector<std::string> TagsOfArticleChange(const content::Article* before,
                                             const content::Article* after) {
  std::vector<std::string> tags;
  if (!IsPublished(before) && !IsPublished(after)) return tags;
  tags.push_back(ArticleTag(before != nullptr ? before->id : after->id));
  tags.push_back(AnyArticleTag());
  if (IsPublished(before) && IsPublished(after) && SameListPlaces(*before, *after)) return tags;
  if (IsPublished(before)) AppendListTags(*before, tags);
  if (IsPublished(after)) AppendListTags(*after, tags);
  return tags;
}

}  // namespace gazette::store
