import { describe, expect, it } from 'vitest'
import { runPipeline } from '@shared/postprocess'

const normalize = (text: string, language: 'zh' | 'en' = 'zh'): string =>
  runPipeline(text, ['normalize-punctuation'], { language }).text

describe('normalize-punctuation in Chinese sentences', () => {
  it.each([
    ['今天天气很好,我们去公园吧!', '今天天气很好，我们去公园吧！'],
    ['你好.我很好;你呢?', '你好。我很好；你呢？'],
    ['注意:明天下雨', '注意：明天下雨'],
    ['他来了(真的)', '他来了（真的）'],
    ['他说:"你好。"', '他说：“你好。”'],
    ['他说:"你好。我是小明。"然后走了。', '他说：“你好。我是小明。”然后走了。'],
    ['"一"和"二"', '“一”和“二”'],
    ["他说'好'", '他说‘好’'],
    ['他走了...', '他走了……'],
    ['他走了。。。', '他走了……'],
    ['他走了…', '他走了……'],
    ['他走了……', '他走了……'],
    ['他走了......我留下了', '他走了……我留下了'],
    ['他说--算了', '他说——算了'],
    ['你好 ， 世界 。', '你好，世界。'],
    ['他说 “你好” 然后走了', '他说“你好”然后走了'],
  ])('%j → %j', (input, output) => {
    expect(normalize(input)).toBe(output)
  })

  it.each([
    ['圆周率约是3.14,对吧?', '圆周率约是 3.14，对吧？'],
    ['我们10:30见!', '我们 10:30 见！'],
    ['我用了GPT-4.5,效果不错.', '我用了 GPT-4.5，效果不错。'],
    ['我们需要一些水果,e.g. 苹果和香蕉.', '我们需要一些水果，e.g. 苹果和香蕉。'],
    ['访问https://example.com/a,b就行.', '访问 https://example.com/a,b 就行。'],
    ['见https://example.com/?q=1&r=2.', '见 https://example.com/?q=1&r=2。'],
    ['请发邮件到test.user@example.com,谢谢!', '请发邮件到 test.user@example.com，谢谢！'],
    ['共1,000元.', '共 1,000 元。'],
    ['打开README.md文件', '打开 README.md 文件'],
    ['运行 quire --json 就行', '运行 quire --json 就行'],
    ['他喜欢Python,Java和Go', '他喜欢 Python,Java 和 Go'],
    ["他说I'm fine", "他说 I'm fine"],
  ])('leaves numbers, versions, URLs, addresses and Latin phrases alone: %j', (input, output) => {
    expect(normalize(input)).toBe(output)
  })
})

describe('normalize-punctuation in English sentences', () => {
  it.each([
    ['Hello，world！How are you？', 'Hello, world! How are you?'],
    ['Wait：it is late；go home。', 'Wait: it is late; go home.'],
    ['Apples、pears and plums.', 'Apples, pears and plums.'],
    ['It was late（very late）.', 'It was late (very late).'],
    ['Hello , world !', 'Hello, world!'],
    ['The  wind   was soft.', 'The wind was soft.'],
    ['Wait ... what?', 'Wait... what?'],
    ['He left……', 'He left…'],
    ['He left。。。', 'He left...'],
    ['It costs .5 dollars.', 'It costs .5 dollars.'],
    ['Visit https://example.com/a,b , then rest.', 'Visit https://example.com/a,b, then rest.'],
    ['e.g. apples, pears and 3.14 pies at 10:30.', 'e.g. apples, pears and 3.14 pies at 10:30.'],
  ])('%j → %j', (input, output) => {
    expect(normalize(input, 'en')).toBe(output)
  })

  it('keeps straight quotes and apostrophes in English', () => {
    const text = 'She said "don\'t go" and left.'
    expect(normalize(text, 'en')).toBe(text)
  })
})

describe('normalize-punctuation in mixed text', () => {
  it.each([
    ['我今天用ChatGPT写了3首诗', '我今天用 ChatGPT 写了 3 首诗'],
    ['我今天用  ChatGPT   写诗', '我今天用 ChatGPT 写诗'],
    ['I visited北京last spring.', 'I visited 北京 last spring.'],
    ['我喜欢“Hello”这首歌', '我喜欢“Hello”这首歌'],
    ['列夫·托尔斯泰写了3本书', '列夫·托尔斯泰写了 3 本书'],
    ['选A/B方案', '选 A/B 方案'],
    ['今天很好。Tomorrow will be better，I think。', '今天很好。Tomorrow will be better, I think.'],
    ['他说:"I love you."然后走了。', '他说：“I love you.”然后走了。'],
    ['我最喜欢的语言是"Python".', '我最喜欢的语言是“Python”。'],
    ['好 I think this is a great idea.', '好 I think this is a great idea.'],
  ])('%j → %j', (input, output) => {
    expect(normalize(input)).toBe(output)
  })

  it('keeps line structure and indentation', () => {
    const text = '　　第一段,很短.\n\n  Second paragraph ,indented.\n'
    expect(normalize(text)).toBe('　　第一段，很短。\n\n  Second paragraph,indented.\n')
  })
})
