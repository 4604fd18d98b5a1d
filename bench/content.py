"""Word lists and phrase banks the mock web builds its pages from (Chinese and English).

Data only: `mockweb` draws from these with a per-site seeded random generator, so every page of
every site is reproducible without storing anything on disk.
"""
from __future__ import annotations

ZH_CITIES = ("深圳", "广州", "上海", "北京", "杭州", "南京", "成都", "武汉", "西安", "苏州", "天津",
             "重庆", "长沙", "郑州", "济南", "合肥", "福州", "厦门", "东莞", "佛山")
ZH_DISTRICTS = ("南山区", "福田区", "天河区", "浦东新区", "海淀区", "西湖区", "鼓楼区", "高新区",
                "江北区", "工业园区", "武侯区", "雁塔区", "龙岗区", "宝安区")
ZH_NAME_PARTS = ("安", "盛", "华", "泰", "达", "鑫", "创", "联", "宏", "瑞", "科", "恒", "威", "通",
                 "智", "信", "德", "鸿", "兴", "佳", "捷", "凯", "博", "中", "天", "铭", "锐", "诚")
ZH_INDUSTRY = ("安防科技", "智能科技", "电子工程", "安防工程", "智能系统", "门禁科技", "弱电工程")
ZH_BUILDINGS = ("{p}大厦{n}楼{r}室", "{p}国际中心{t}座{n}层", "{p}科技园{t}栋{n}楼",
                "{p}花园小区{t}栋{r}", "{p}工业园{t}栋{n}楼", "{p}商务中心{n}楼")
ZH_BRANDS = ("海康威视", "大华", "中控智慧", "立方", "捷顺", "霍尼韦尔", "HID", "西门子", "微耕",
             "宇视", "博世", "汉王")
ZH_PRODUCTS = ("联网门禁控制器", "人脸识别门禁一体机", "指纹考勤门禁机", "IC卡门禁读卡器", "智能通道闸",
               "停车场道闸", "可视对讲主机", "电磁锁", "出门按钮", "一卡通管理软件", "网络摄像机",
               "硬盘录像机", "访客管理系统", "梯控系统", "消费机")
ZH_CLIENTS = ("中国银行{c}分行", "{c}市人民医院", "{c}大学", "{c}市公安局", "{c}地铁集团", "万科{c}公司",
              "{c}市第一中学", "中国移动{c}分公司", "{c}国际机场", "招商银行{c}分行", "{c}市政府大楼",
              "{c}中心医院", "碧桂园{c}项目", "{c}工业园管委会", "{c}电力公司")
ZH_NEWS = ("公司参加{c}安博会", "门禁行业发展趋势分析", "人脸识别技术在门禁中的应用", "公司荣获年度优秀供应商",
           "新品发布：联网门禁控制器", "{c}办事处正式成立", "春节放假通知", "智慧社区建设方案",
           "如何选择合适的门禁系统", "安防行业展会回顾")
ZH_FILLER = (
    "公司秉承“诚信、创新、共赢”的经营理念，为客户提供优质的产品和专业的服务。",
    "我们拥有一支经验丰富的技术团队，能够为客户量身定制安防解决方案。",
    "产品广泛应用于政府机关、金融、医院、学校、智能小区、写字楼等领域。",
    "公司建立了完善的售前、售中、售后服务体系，7×24小时快速响应客户需求。",
    "本系统采用TCP/IP网络通讯，支持远程管理与实时监控，安装维护简便。",
    "我们坚持以质量求生存、以技术求发展，产品通过多项国家认证。",
    "欢迎新老客户来电咨询、洽谈合作，我们将竭诚为您服务。",
    "系统具备权限管理、时段管理、报警联动、电子地图等丰富功能。",
    "该项目共安装门禁点位一百二十个，实现了人员出入的统一管理。",
    "我司与多家知名厂商建立了长期稳定的合作关系，货源充足，价格合理。",
    "智能化建设是提升管理效率的重要手段，安防系统是其中的基础环节。",
    "产品采用工业级芯片设计，运行稳定可靠，适应各种复杂环境。",
)
ZH_NAV = (("首页", "home"), ("公司简介", "about"), ("产品中心", "products"), ("工程案例", "cases"),
          ("新闻资讯", "news"), ("人才招聘", "jobs"), ("下载中心", "downloads"), ("联系我们", "contact"))

EN_CITIES = ("Springfield", "Riverside", "Fairview", "Madison", "Georgetown", "Clinton", "Salem",
             "Franklin", "Bristol", "Oxford", "Dover", "Ashland", "Milton", "Newport")
EN_NAME_PARTS = ("Apex", "Secure", "Guardian", "Summit", "Allied", "Pioneer", "Keystone", "Liberty",
                 "Sentinel", "Titan", "Vector", "Shield", "Northstar", "Atlas", "Beacon")
EN_INDUSTRY = ("Security Systems", "Access Control", "Integrated Security", "Electronic Security",
               "Security Solutions", "Low Voltage")
EN_BUILDINGS = ("Suite {r}, {n} {p} Tower", "{n} {p} Business Park, Unit {t}", "{n} Industrial Way, {p}",
                "{n} {p} Street, Floor {n}")
EN_BRANDS = ("HID", "Honeywell", "Lenel", "Software House", "Genetec", "Axis", "Bosch", "Paxton",
             "Kantech", "Brivo", "ZKTeco", "Hikvision", "Avigilon", "Gallagher")
EN_PRODUCTS = ("Networked Access Controller", "Proximity Card Reader", "Biometric Reader",
               "Electric Strike", "Magnetic Lock", "Video Intercom", "Turnstile", "IP Camera",
               "Network Video Recorder", "Visitor Management", "Cloud Access Platform", "Door Hardware")
EN_CLIENTS = ("{c} Regional Hospital", "First National Bank of {c}", "{c} State University",
              "City of {c}", "{c} School District", "{c} Medical Center", "{c} County Courthouse",
              "{c} Airport Authority", "{c} Public Library", "{c} Logistics Group")
EN_NEWS = ("{c} Security Expo recap", "Why cloud access control is growing", "Our team is hiring",
           "Holiday hours", "Case study: {c} campus upgrade", "New partnership announced",
           "Five tips for choosing a card reader", "Meet our new service manager")
EN_FILLER = (
    "We design, install and service security systems for businesses of every size.",
    "Our certified technicians deliver reliable installations on time and on budget.",
    "From a single door to a multi-site enterprise, we scale with your organisation.",
    "We provide 24/7 monitoring and rapid on-site support across the region.",
    "Every system is tailored to the client's building, workflow and compliance needs.",
    "Our service agreements keep your access control and video systems up to date.",
    "We work closely with architects, general contractors and facility managers.",
    "Customer satisfaction is the foundation of our long-standing reputation.",
    "Integrated solutions combine access control, video surveillance and intrusion alarms.",
    "Contact our sales team for a free site survey and a no-obligation quote.",
)
EN_NAV = (("Home", "home"), ("About Us", "about"), ("Products", "products"), ("Projects", "cases"),
          ("News", "news"), ("Careers", "jobs"), ("Downloads", "downloads"), ("Contact Us", "contact"))

# Inline script and style blocks: real SME pages carry kilobytes of them on every page.
SCRIPT_BLOCK = (
    "var _hmt=_hmt||[];(function(){var hm=document.createElement('script');hm.src='//hm.example/hm.js?{k}';"
    "var s=document.getElementsByTagName('script')[0];s.parentNode.insertBefore(hm,s);})();"
    "function slide{k}(id,n){var i=0,el=document.getElementById(id);setInterval(function(){i=(i+1)%n;"
    "el.style.left=(-i*980)+'px';},4000);}\n"
)
STYLE_BLOCK = (
    ".nav{k} li{float:left;width:120px;line-height:40px;text-align:center}"
    ".nav{k} a{color:#fff;font-size:14px}.box{k}{margin:10px auto;border:1px solid #ddd;padding:8px}"
    ".list{k} li{height:28px;border-bottom:1px dashed #ccc;overflow:hidden}\n"
)
