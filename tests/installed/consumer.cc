// consumer.cc - a C++ program built against an installed libarabic: the
// header in C++, the handles in std::unique_ptr, a tokenizer sink that
// fills a std::vector.  Exits 1 when the tokens are not the expected ones.
#include <arabic.h>

#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

static_assert(AR_VERSION_MAJOR >= 0, "version macros are integers");

namespace
{

struct tokenizer_free {
	void operator()(ar_tokenizer *t) const
	{
		ar_tokenizer_free(t);
	}
};

int collect(const ar_token *tok, void *payload)
{
	auto *out = static_cast<std::vector<std::string> *>(payload);
	out->push_back(std::string(ar_token_type_name(tok->type)) + ":" +
	               std::string(tok->text, tok->len));
	return 0;
}

} // namespace

int main()
{
	// "قال دوروف: Telegram 2024"
	const std::string text = "\xd9\x82\xd8\xa7\xd9\x84 "
	                         "\xd8\xaf\xd9\x88\xd8\xb1\xd9\x88\xd9\x81: "
	                         "Telegram 2024";
	const std::vector<std::string> want = {
		"arabic:\xd9\x82\xd8\xa7\xd9\x84",
		"arabic:\xd8\xaf\xd9\x88\xd8\xb1\xd9\x88\xd9\x81",
		"punct::",
		"latin:Telegram",
		"number:2024",
	};
	ar_tokenizer *raw = nullptr;
	if (ar_tokenizer_new(&raw, nullptr, nullptr) != AR_OK)
		return 1;
	std::unique_ptr<ar_tokenizer, tokenizer_free> tok(raw);
	std::vector<std::string> got;
	if (ar_tok_feed(tok.get(), text.data(), text.size(), collect, &got,
	                nullptr) != AR_OK ||
	    ar_tok_finish(tok.get(), collect, &got, nullptr) != AR_OK)
		return 1;
	for (const auto &t : got)
		std::printf("%s\n", t.c_str());
	if (got != want) {
		std::fprintf(stderr, "consumer_cxx: unexpected tokens\n");
		return 1;
	}
	return 0;
}
